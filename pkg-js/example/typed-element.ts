// A typed use of the drop-in element, checked by `tsc --noEmit` in CI.
import "competency-rules/element";
import type { CompetencyStatusElement } from "competency-rules/element";
import type { Report } from "competency-rules";

const element: CompetencyStatusElement = document.createElement("competency-status");
element.setAttribute("as-of", "2026-11-24");
element.participant = { id: "p-1", organization: "county-a", level: "front_line", enrolled: "2026-01-15", evidence: [] };
element.addEventListener("competency-status", (event) => {
  if (event.detail.view === "status") {
    const report = event.detail.report as Report;
    console.log(report.status, element.report === report);
  }
});
document.body.append(element);
