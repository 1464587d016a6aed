// The page's own script (a file: the policy allows no inline script). It records whether this
// page could compile WebAssembly (it must not: the policy is in force), then evaluates with the
// plain-JavaScript build.
(async () => {
  const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  document.body.dataset.wasm = await WebAssembly.compile(empty).then(() => "compiled", (error) => `refused: ${error.message}`);
  await CompetencyRules.init();
  const participant = await (await fetch("/examples/02-in-progress-supervisor.json")).json();
  const report = CompetencyRules.Pack.load().evaluate(participant, "2026-11-24");
  document.body.dataset.report = JSON.stringify(report);
  document.body.dataset.status = report.status;
})().catch((error) => {
  document.body.dataset.error = String(error);
});
