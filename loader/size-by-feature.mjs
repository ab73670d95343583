// What each feature of the widget costs in the release WebAssembly, with
// brotli: `node size-by-feature.mjs <named_bg.wasm>`, on
// wasm-bindgen's output of a build whose name section spells generic
// arguments (scripts/size-by-feature builds one). For each feature, every
// function whose name mentions one of its modules (its own functions, its
// closures, and the framework code compiled for its types) has its body
// replaced by `unreachable`; the module is then optimized as the release
// build does (optimize-wasm.mjs), which drops what only those
// functions used. What that takes off the module is what the feature costs.
// Some functions belong to two features and all share brotli's context, so
// the rows add up to more than emptying them all at once; the features'
// messages (data) are not counted.
import fs from 'node:fs';
import { runAsCommand } from './run-as-command.mjs';
import zlib from 'node:zlib';
import binaryen from 'binaryen';
import { optimized, read } from './optimize-wasm.mjs';

/** Each feature, and the module paths its code is under. */
export const FEATURES = [
  ['attachments: pick, drop, paste, check and upload files', [
    'support_rules::uploads', 'support_widget::components::attachments',
    'support_widget::components::request_form::files_hold', 'support_contract::attachments',
  ]],
  ['drafts: kept across reloads, discarded and restored', [
    'support_rules::drafts', 'support_widget::components::request_form::draft_keeper',
    'support_widget::components::request_form::state::discarded', 'support_widget::storage',
  ]],
  ['the page API: methods, events, prefill, request headers', [
    'support_rules::host_api', 'support_widget::controls',
  ]],
  ['requests filed from this device: the list and the status screen', [
    'support_rules::filed_requests', 'support_widget::context::filed_requests',
    'support_widget::screens::filed_requests', 'support_widget::screens::request_status',
    'support_widget::components::filed_away_notice',
  ]],
  ['the loop: the inbox, replies, escalating a message', [
    'support_widget::screens::inbox', 'support_widget::components::reply_box',
  ]],
  ['requests on behalf of a customer: search, service, admin-center self-help', [
    'support_widget::screens::customer_search', 'support_widget::components::customer_combobox',
    'support_widget::screens::service_choice', 'support_widget::screens::self_help',
    'support_widget::screens::customer_request', 'support_widget::components::admin_center_link',
  ]],
  ['the escalation guide', [
    'support_rules::escalation', 'support_widget::screens::escalation_guide',
  ]],
  ['customer self-service: help, article search, contact the partner', [
    'support_rules::help_journey', 'support_widget::screens::customer_help',
    'support_widget::screens::contact_partner', 'support_widget::screens::help_solved',
    'support_contract::self_service',
  ]],
  ['service health', ['support_widget::components::service_health']],
  ['automatic retries and offline sending', ['support_rules::retry', 'support_widget::sending']],
  ['the floating panel fitted above an on-screen keyboard', ['support_widget::panel']],
  ['the language picker and fetched locales', [
    'support_widget::components::language_picker', 'support_widget::locales',
    'support_rules::i18n::fetched',
  ]],
];

function brotli(binary) {
  return zlib.brotliCompressSync(binary, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: binary.length,
    },
  }).length;
}

/** The name of `fn` without its crates' hashes, or none if it is imported. */
function nameOf(fn) {
  const { name, module: imported } = binaryen.getFunctionInfo(fn);
  // v0 names carry each crate's hash, without leading zeros:
  // `support_widget[7fef7f9445176a8a]::…`.
  return imported ? null : name.replace(/\[[0-9a-f]{1,16}\]/g, '');
}

/** The paths of FEATURES that name no function of the module: moved or gone. */
export function stalePaths(input) {
  const module = read(input);
  const names = [];
  for (let i = 0; i < module.getNumFunctions(); i++) names.push(nameOf(module.getFunctionByIndex(i)) ?? '');
  return FEATURES.flatMap(([, paths]) => paths).filter((path) => !names.some((name) => name.includes(path)));
}

/** The shipped module's size with brotli, without the functions `paths` name. */
export function measure(input, paths) {
  const module = read(input);
  let emptied = 0;
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const fn = module.getFunctionByIndex(i);
    const name = nameOf(fn);
    if (name === null || !paths.some((path) => name.includes(path))) continue;
    binaryen.Function.setBody(fn, module.unreachable());
    emptied++;
  }
  const binary = optimized(module);
  return { emptied, raw: binary.length, brotli: brotli(binary) };
}

function main() {
  const [input] = process.argv.slice(2);
  if (!input) {
    console.error('usage: node size-by-feature.mjs <named_bg.wasm>');
    process.exit(2);
  }
  const binary = fs.readFileSync(input);
  const stale = stalePaths(binary);
  if (stale.length) {
    console.error(`size-by-feature: no function is under ${stale.join(', ')}: the build has no names, or a module moved`);
    process.exit(1);
  }
  const whole = measure(binary, []);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`the module, measured this way: ${whole.raw} B raw, ${whole.brotli} B (${kib(whole.brotli)}) with brotli`);
  console.log('| feature | functions emptied | saved raw | saved with brotli | share of the module |');
  console.log('|---|---|---|---|---|');
  let named = 0;
  for (const [feature, paths] of FEATURES) {
    const without = measure(binary, paths);
    const saved = whole.brotli - without.brotli;
    named += saved;
    const share = `${((100 * saved) / whole.brotli).toFixed(1)} %`;
    console.log(`| ${feature} | ${without.emptied} | ${whole.raw - without.raw} B | ${saved} B (${kib(saved)}) | ${share} |`);
  }
  const all = measure(binary, FEATURES.flatMap(([, paths]) => paths));
  console.log(`| all of the above at once | ${all.emptied} | ${whole.raw - all.raw} B | ${whole.brotli - all.brotli} B (${kib(whole.brotli - all.brotli)}) | ${((100 * (whole.brotli - all.brotli)) / whole.brotli).toFixed(1)} % |`);
  console.log(`(the rows add up to ${named} B: some functions belong to two features, and all share brotli's context)`);
}

if (runAsCommand(import.meta.url)) main();
