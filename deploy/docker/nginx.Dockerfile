# nginx as the native stack runs it: Debian's nginx 1.22 with njs (libnginx-mod-http-js). The
# config is rendered by the harness from nginx/ and mounted (compose: deploy/nginx/<mode>/) or
# copied in (the docker runtime) at /authbench/conf; start.sh starts nginx on it in the foreground.
FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx libnginx-mod-http-js \
    && rm -rf /var/lib/apt/lists/*
COPY deploy/nginx/start.sh /authbench/start.sh
CMD ["sh", "/authbench/start.sh"]
