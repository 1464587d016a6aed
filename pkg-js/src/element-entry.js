// `competency-rules/element` (ESM): defines <competency-status> over the main entry. Import it
// once (`import "competency-rules/element"`); the script builds define it by themselves.
import { init, Pack } from "./index.js";
import { defineCompetencyStatus } from "./element.js";

defineCompetencyStatus({ init, Pack });

export { defineCompetencyStatus };
