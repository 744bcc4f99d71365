# An app instance: Debian's JRE 17 and one app jar, built on the host by the Maven wrapper
# (./authbench images builds the jars, then this image once per app module):
#   docker build -f deploy/docker/app.Dockerfile --build-arg MODULE=jwt-app --build-arg VERSION=<version> \
#     -t authbench/jwt-app:<version> .
# (VERSION: the root pom's project version; deploy/images.sh and docker-compose.yml pass it.)
# FROM the local base image: no registry needed (deploy/images.sh makes it with debootstrap).
FROM debian:bookworm-slim
# The same first layer as gatling.Dockerfile, so the two share it. curl: compose's health check.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless curl \
    && rm -rf /var/lib/apt/lists/*
ARG MODULE
ARG VERSION
COPY ${MODULE}/target/${MODULE}-${VERSION}.jar /app/app.jar
# Every setting comes from the environment (README: Settings); JVM options go before -jar.
ENTRYPOINT ["java"]
CMD ["-jar", "/app/app.jar"]
