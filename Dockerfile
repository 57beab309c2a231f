# annexgen serve in a container, with the BIZ UD fonts for its PDFs.
#   docker build -t annexgen --build-arg VERSION=v1.2.3 .
#   docker run --rm -p 8080:8080 annexgen
# See deploy/README.md for Kubernetes.

ARG GO_VERSION=1.26
ARG DEBIAN=bookworm

FROM golang:${GO_VERSION}-${DEBIAN} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/annexgen ./cmd/annexgen

FROM debian:${DEBIAN}-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 annexgen \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin annexgen
COPY --from=build /out/annexgen /usr/local/bin/annexgen
COPY LICENSE THIRD_PARTY_LICENSES /usr/share/doc/annexgen/
USER 10001:10001
EXPOSE 8080
# The slim image has no curl or wget: bash itself asks /healthz over
# /dev/tcp and the check passes on an HTTP 200. Kubernetes ignores this and
# uses the probes of deploy/serve/deployment.yaml.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["annexgen"]
CMD ["serve", "--addr", "0.0.0.0:8080"]
