# syntax=docker/dockerfile:1
# One image recipe for every Outward service:
#   docker build --build-arg SERVICE=catalog-service -t outward/catalog-service .
# SERVICE is a Maven module with <finalName> equal to its artifactId
# (catalog-service, notes-service, notification-service, gateway).

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build arg SERVICE is required" >&2; exit 1)
WORKDIR /src
COPY . .
# -am also builds what the service depends on (contracts, platform). -DskipTests still compiles the
# tests, so the platform test-jar the services declare (test scope) resolves inside the reactor.
# The cache mount keeps ~/.m2 between builds of the four images.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -q -B -DskipTests -pl ${SERVICE} -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
# curl is used by the compose health checks; the temurin image ships it today, install it if a
# future base image does not.
RUN command -v curl >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system outward && useradd --system --gid outward --no-create-home --shell /usr/sbin/nologin outward
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER outward
# Size the heap from the container's memory limit, not the host's.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
