// SPDX-License-Identifier: GPL-3.0-or-later
// Drives fix401-mock with the official openai npm package and checks
// that the SDK reads each answer as it reads the real API's: the error
// class per status, the error code, a completion's text, and a retry
// honouring retry-after.
// Usage: node sdk-probe.js SDK-PREFIX BASE-URL MOCK-JSON
'use strict';
const fs = require('fs');
const path = require('path');

const [prefix, baseURL, config] = process.argv.slice(2);
const OpenAI = require(path.join(prefix, 'node_modules', 'openai'));
const keys = {};
for (const k of JSON.parse(fs.readFileSync(config, 'utf8')).keys)
	keys[k.name] = k;

let failed = 0;
function fail(what, why) {
	failed++;
	console.log(`FAIL: ${what}: ${why}`);
}

function client(name, extra) {
	return new OpenAI({ apiKey: keys[name].key, baseURL, maxRetries: 0,
		timeout: 10000, ...extra });
}

const ping = [{ role: 'user', content: 'ping' }];
function chat(c, model) {
	return c.chat.completions.create({ model: model || 'gpt-4o-mini',
		messages: ping, max_completion_tokens: 20 });
}

// expectError WHAT CLASS STATUS CODE PROMISE: rejects with that class.
async function expectError(what, cls, status, code, p) {
	try {
		await p;
		fail(what, `no error, ${cls.name} expected`);
	} catch (e) {
		if (!(e instanceof cls))
			return fail(what, `${e.constructor.name}, not ` +
				`${cls.name}: ${e.message}`);
		if (e.status !== status)
			fail(what, `status ${e.status}, not ${status}`);
		if (code !== undefined && e.code !== code)
			fail(what, `code ${e.code}, not ${code}`);
	}
}

async function expectReply(what, p) {
	try {
		const r = await p;
		const text = r.choices[0].message.content;
		if (typeof text !== 'string' || text.length === 0)
			fail(what, `no content: ${JSON.stringify(r)}`);
	} catch (e) {
		fail(what, `${e.constructor.name}: ${e.message}`);
	}
}

async function main() {
	const b = keys.bound;
	await expectReply('valid', chat(client('valid')));
	await expectReply('bound, right headers', chat(client('bound',
		{ organization: b.organization, project: b.project })));
	const list = await client('valid').models.list();
	if (!list.data.some((m) => m.id === 'gpt-4o-mini'))
		fail('models.list', 'no gpt-4o-mini');

	await expectError('revoked', OpenAI.AuthenticationError, 401,
		'invalid_api_key', chat(client('revoked')));
	await expectError('deactivated', OpenAI.AuthenticationError, 401,
		'account_deactivated', chat(client('deactivated')));
	await expectError('mismatched organization', OpenAI.AuthenticationError,
		401, 'mismatched_organization', chat(client('bound',
		{ organization: 'org-0ther0rganizati0n000000' })));
	await expectError('mismatched project', OpenAI.AuthenticationError, 401,
		'mismatched_project', client('bound',
		{ project: 'proj_0therPr0ject00000000000' }).models.list());
	await expectError('region', OpenAI.PermissionDeniedError, 403,
		'unsupported_country_region_territory', chat(client('region')));
	await expectError('model allow-list', OpenAI.PermissionDeniedError, 403,
		'model_not_found',
		chat(client('model-allowlist'), 'gpt-4.1-nano'));
	await expectError('no quota', OpenAI.RateLimitError, 429,
		'insufficient_quota', chat(client('no-quota')));
	await expectError('rate limit', OpenAI.RateLimitError, 429,
		'rate_limit_exceeded', chat(client('rate-limited-always')));
	await expectError('unknown model', OpenAI.NotFoundError, 404,
		'model_not_found', chat(client('valid'), 'gpt-0'));
	// One retry after retry-after: 1 gets past the first 429.
	await expectReply('retry', chat(client('rate-limited',
		{ maxRetries: 2 })));
	if (failed)
		process.exit(1);
	console.log(`sdk ${require(path.join(prefix, 'node_modules', 'openai',
		'package.json')).version}: every answer read as expected`);
}

main().catch((e) => {
	console.log(`FAIL: ${e.stack}`);
	process.exit(1);
});
