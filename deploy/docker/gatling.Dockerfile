# The load injector: the gatling module's simulations (test classes) and their classpath, both
# prepared on the host (./authbench images). The command (java … io.gatling.app.Gatling -s … -rf …)
# is in docker-compose.yml and the Kubernetes Job.
FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless curl \
    && rm -rf /var/lib/apt/lists/*
COPY gatling/target/lib /gatling/lib
COPY gatling/target/test-classes /gatling/classes
WORKDIR /results
