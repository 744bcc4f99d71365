# Redis as the native stack runs it: Debian's redis-server 7.0 (redis-cli for the health check).
# The command line (port, no persistence unless asked) comes from the harness or docker-compose.yml.
FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server \
    && rm -rf /var/lib/apt/lists/*
CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--save", "", "--appendonly", "no"]
