# presschart in a container: a static binary on distroless, as a non-root
# user. The fonts are inside the binary; the image needs nothing else.
#   docker build --build-arg COMMIT=$(git rev-parse HEAD) -t presschart .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" presschart   # renders ./data.toml into ./out
#   docker run --rm -p 8080:8080 presschart serve --api --addr :8080       # the render service
# The build context has no .git (.dockerignore), so the commit that
# --version names comes from COMMIT. TestDockerfile builds and runs the
# image where a Docker engine answers.
FROM golang:1.26.8 AS build
ARG COMMIT=""
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags="-s -w -X main.linkedCommit=${COMMIT}" -o /presschart . \
 && /presschart --version

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /presschart /usr/local/bin/presschart
USER nonroot:nonroot
WORKDIR /work
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/presschart"]
