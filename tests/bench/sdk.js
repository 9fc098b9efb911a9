// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark's SDK baseline: what a user's own "does my key work?"
// script does with the official openai npm package -- list the models,
// then one tiny chat completion (two sequential round trips).
// Usage: OPENAI_API_KEY=... node sdk.js SDK-PREFIX BASE-URL
// The key comes from the environment, never from argv.
'use strict';
const path = require('path');

const [prefix, baseURL] = process.argv.slice(2);
const OpenAI = require(path.join(prefix, 'node_modules', 'openai'));

async function main() {
	const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY,
		baseURL, maxRetries: 0, timeout: 10000 });
	await client.models.list();
	await client.chat.completions.create({ model: 'gpt-4.1-nano',
		messages: [{ role: 'user', content: 'Say OK' }],
		max_completion_tokens: 16 });
}

main().then(() => process.exit(0), (e) => {
	console.error(`sdk.js: ${e && e.message ? e.message : e}`);
	process.exit(1);
});
