// `competency-rules/element` (ESM): defines <competency-status> over the main entry, loading the
// planning module the first time a plan or cohort view asks for it. Import it once
// (`import "competency-rules/element"`); the script builds define it by themselves.
import { init, Pack } from "./index.js";
import { defineCompetencyStatus } from "./element.js";

defineCompetencyStatus({ init, Pack, planning: () => import("./planning.js") });

export { defineCompetencyStatus };
