# sla-bot — one worker process. Build: docker build -t sla-bot .   Run: see README "Deployment".
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY config ./config
# SQLite lives here by default; mount a volume (or set DATABASE_URL=postgres://… for several replicas).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A small young generation keeps the worker's memory down with many open leads (docs/adr/0008).
ENTRYPOINT ["node", "--max-semi-space-size=4", "--optimize-for-size", "bin/sla-bot.js"]
CMD ["run"]
