# presschart in a container: a static binary on distroless, as a non-root
# user. The fonts are inside the binary; the image needs nothing else.
#   docker build -t presschart .
#   docker run --rm -v "$PWD:/work" -w /work presschart            # renders data.toml
#   docker run --rm -p 8080:8080 presschart serve --api --addr :8080
# TestDockerfile builds and runs it where a Docker engine answers.
FROM golang:1.26.8 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags="-s -w" -o /presschart . \
 && /presschart --version

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /presschart /usr/local/bin/presschart
USER nonroot:nonroot
WORKDIR /work
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/presschart"]
