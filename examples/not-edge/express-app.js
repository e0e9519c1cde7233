'use strict';
// Express and Koa code: status numbers, mixed-case headers and 204 bodies are theirs to handle.
const express = require('express');

const app = express();
app.get('/health', (req, res) => {
  res.set('Content-Type', 'text/plain');
  res.status(204).send('');
});

async function koaNoContent(ctx) {
  ctx.status = 204;
  ctx.body = '';
  ctx.set('X-Powered-By', 'koa');
}

async function callUpstream(url) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  return { status: response.status, body: await response.text() };
}

module.exports = { app, koaNoContent, callUpstream };
