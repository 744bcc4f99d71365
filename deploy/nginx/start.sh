#!/bin/sh
# Starts nginx in a container (docker-compose.yml and deploy/k8s/, image nginx:1.22.1) with a config
# the harness rendered from nginx/ (deploy/nginx/<mode>/, or the ConfigMap in Kubernetes),
# mounted read-only at /authbench/conf. Like `authbench up`: its own prefix with pid and temp
# folders, logs in /authbench/logs, never /etc/nginx. The gateway modes' shared secret is not in
# the committed files: it comes from AUTHBENCH_GATEWAY_SECRET (base64url, as `authbench up`
# makes it) and is filled in here. gateway-njs's script comes with the config (Kubernetes, the
# docker runtime) or, under compose, from nginx/gateway.js itself, mounted at /authbench/njs.
set -eu
conf=/authbench/conf
prefix=/authbench/nginx
logs=/authbench/logs
marker=__AUTHBENCH_GATEWAY_SECRET__

if grep -q "$marker" "$conf/nginx.conf" && [ -z "${AUTHBENCH_GATEWAY_SECRET:-}" ]; then
    echo "start.sh: this nginx mode needs AUTHBENCH_GATEWAY_SECRET (the instances' AUTHBENCH_JWT_GATEWAY_SECRET)" >&2
    exit 1
fi
mkdir -p "$prefix/tmp" "$logs"
for file in "$conf"/*; do
    case "$file" in
        *.sh) continue ;;
    esac
    sed "s|$marker|${AUTHBENCH_GATEWAY_SECRET:-}|g" "$file" > "$prefix/$(basename "$file")"
done
for file in /authbench/njs/*.js; do
    if [ -f "$file" ]; then
        cp "$file" "$prefix/"
    fi
done
exec nginx -p "$prefix/" -c "$prefix/nginx.conf" -e "$logs/nginx-error.log" -g 'daemon off;'
