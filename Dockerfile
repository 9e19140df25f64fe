# Build: docker build -t tandem .
# Run:   docker run -e DISCORD_TOKEN=... -v tandem-data:/data tandem
# Several processes on PostgreSQL: see compose.yaml.
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY .cargo .cargo
COPY src src
COPY sim sim
COPY migrations migrations
COPY config config
COPY tests tests
COPY benches benches
# Without default features: no simulator and no `tandem demo` in the production binary (the
# workspace still needs sim/, tests/ and benches/ to read its manifest).
RUN cargo build --release --locked --no-default-features --bin tandem

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data tandem \
 && mkdir -p /data && chown tandem /data
COPY --from=build /src/target/release/tandem /usr/local/bin/tandem
USER tandem
WORKDIR /data
VOLUME ["/data"]
# The token comes from the environment at run time: DISCORD_TOKEN.
ENV TANDEM__DATABASE__URL=sqlite:///data/tandem.db
ENTRYPOINT ["tandem"]
CMD ["run"]
