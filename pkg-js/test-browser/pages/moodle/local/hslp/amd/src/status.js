// A Moodle plugin's AMD module, as a plugin author would write one: it depends on the
// competency-rules script build and renders a participant's status into the page.
define(["local_hslp/competency_rules"], function (CompetencyRules) {
  "use strict";
  return {
    init: function (selector, participantUrl, asOf) {
      var root = document.querySelector(selector);
      return CompetencyRules.init()
        .then(function () {
          return fetch(participantUrl);
        })
        .then(function (response) {
          return response.json();
        })
        .then(function (participant) {
          var report = CompetencyRules.Pack.load().evaluate(participant, asOf);
          var status = document.createElement("p");
          status.id = "status-value";
          status.textContent = "Status: " + report.status + " (" + report.status_reason.message.en + ")";
          var list = document.createElement("ul");
          report.requirements.forEach(function (requirement) {
            var item = document.createElement("li");
            item.textContent = requirement.id + ": " + (requirement.met ? "met" : "not met") + " (" + requirement.reason.message.en + ")";
            list.appendChild(item);
          });
          root.replaceChildren(status, list);
          document.body.dataset.status = report.status;
          document.body.dataset.report = JSON.stringify(report);
        })
        .catch(function (error) {
          document.body.dataset.error = String(error);
        });
    },
  };
});
