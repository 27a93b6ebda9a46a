// ctlint serve: posts the pasted text to /api/v1/lint and shows the findings
// next to the source with the offending lines highlighted. Plain DOM code:
// every string from the server or the user goes through textContent, never
// innerHTML.
"use strict";

(function () {
  const SEVERITY_ORDER = { error: 0, critical: 1, high: 2, medium: 3, low: 4, info: 5 };
  // A finding spanning more lines than this highlights only its first line,
  // so that a whole-policy finding does not paint the whole source.
  const MAX_HIGHLIGHT_SPAN = 40;

  const form = document.getElementById("lint-form");
  const content = document.getElementById("content");
  const fileInput = document.getElementById("file");
  const filename = document.getElementById("filename");
  const kind = document.getElementById("kind");
  const retention = document.getElementById("retention");
  const button = document.getElementById("lint");
  const status = document.getElementById("status");
  const findingsList = document.getElementById("findings");
  const source = document.getElementById("source");

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // items merges findings and input errors into one list, worst first.
  function items(report) {
    const out = [];
    for (const e of report.errors || []) {
      out.push({
        severity: e.warning ? "info" : "error",
        isError: true,
        message: e.message,
        line: e.line || 0,
        column: e.column || 0,
        endLine: e.line || 0,
      });
    }
    for (const f of report.findings || []) {
      out.push({
        severity: f.severity,
        ruleId: f.rule_id,
        ruleName: f.rule_name,
        message: f.message,
        remediation: f.remediation,
        resource: f.resource,
        possible: f.possible,
        line: f.line || 0,
        column: f.column || 0,
        endLine: f.end_line || f.line || 0,
      });
    }
    out.sort(function (a, b) {
      return (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
        a.line - b.line || a.column - b.column ||
        (a.ruleId || "").localeCompare(b.ruleId || "");
    });
    return out;
  }

  function renderSource(text, list) {
    source.replaceChildren();
    const lines = text.split(/\r\n|\r|\n/);
    const marks = new Map(); // line -> {severity, starts: [labels]}
    for (const it of list) {
      if (it.line < 1) continue;
      const end = it.endLine - it.line > MAX_HIGHLIGHT_SPAN ? it.line : Math.max(it.line, it.endLine);
      for (let n = it.line; n <= end && n <= lines.length; n++) {
        const m = marks.get(n) || { severity: it.severity, labels: [] };
        if ((SEVERITY_ORDER[it.severity] ?? 9) < (SEVERITY_ORDER[m.severity] ?? 9)) m.severity = it.severity;
        if (n === it.line) m.labels.push(it.ruleId || "error");
        marks.set(n, m);
      }
    }
    const frag = document.createDocumentFragment();
    lines.forEach(function (line, i) {
      const n = i + 1;
      const row = el("div", "line");
      row.id = "L" + n;
      row.tabIndex = -1;
      row.appendChild(el("span", "ln", String(n)));
      row.appendChild(el("span", "code", line === "" ? " " : line));
      const m = marks.get(n);
      if (m) {
        row.classList.add("hit", "sev-" + m.severity);
        if (m.labels.length) {
          row.classList.add("hit-start");
          row.appendChild(el("span", "marks", m.labels.join(" ")));
        }
        row.setAttribute("aria-label", "line " + n + (m.labels.length ? ", " + m.labels.join(", ") : ", part of a finding") + ": " + line);
      }
      frag.appendChild(row);
    });
    source.appendChild(frag);
  }

  function focusLine(n) {
    const row = document.getElementById("L" + n);
    if (!row) return;
    for (const old of source.querySelectorAll(".current")) old.classList.remove("current");
    row.classList.add("current");
    row.scrollIntoView({ block: "center" });
    row.focus({ preventScroll: true });
  }

  function renderFindings(list) {
    findingsList.replaceChildren();
    for (const it of list) {
      const li = el("li", "finding sev-" + it.severity);
      const head = el("div", "finding-head");
      head.appendChild(el("span", "sev sev-" + it.severity, it.severity));
      if (it.ruleId) {
        const link = el("a", "rule-id", it.ruleId);
        link.href = "/rules/" + encodeURIComponent(it.ruleId);
        link.target = "_blank";
        link.rel = "noopener";
        link.title = "About " + it.ruleId + " (opens in a new tab)";
        head.appendChild(link);
        head.appendChild(el("span", "rule-name", it.ruleName));
      } else {
        head.appendChild(el("span", "rule-name", it.isError ? "input error" : "warning"));
      }
      li.appendChild(head);

      if (it.line > 0) {
        const go = el("button", "goto");
        go.type = "button";
        go.dataset.line = String(it.line);
        go.appendChild(el("span", "where", "Line " + it.line + (it.column ? ":" + it.column : "")));
        go.appendChild(el("span", "msg", it.message));
        go.addEventListener("click", function () { focusLine(it.line); });
        li.appendChild(go);
      } else {
        li.appendChild(el("p", "msg", it.message));
      }
      if (it.possible) li.appendChild(el("p", "possible", "Possible: holds only under some template conditions."));
      if (it.remediation) {
        const details = el("details", "fix");
        details.appendChild(el("summary", "", "How to fix"));
        details.appendChild(el("pre", "", it.remediation));
        li.appendChild(details);
      }
      findingsList.appendChild(li);
    }
  }

  function summary(report, list) {
    const errors = list.filter(function (it) { return it.severity === "error"; }).length;
    const findings = (report.findings || []).length;
    if (errors === 0 && findings === 0) return "No findings.";
    const parts = [];
    if (errors) parts.push(plural(errors, "input error"));
    if (findings) {
      const by = report.summary && report.summary.by_severity ? report.summary.by_severity : {};
      const sev = ["critical", "high", "medium", "low", "info"]
        .filter(function (s) { return by[s]; })
        .map(function (s) { return by[s] + " " + s; });
      parts.push(plural(findings, "finding") + (sev.length ? " (" + sev.join(", ") + ")" : ""));
    }
    return parts.join(", ") + ".";
  }

  async function lint() {
    const text = content.value;
    if (text.trim() === "") {
      status.textContent = "Nothing to lint: paste a policy or open a file first.";
      content.focus();
      return;
    }
    const body = { content: text, retention_days: Number(retention.value) };
    if (kind.value) body.kind = kind.value;
    if (filename.value.trim()) body.filename = filename.value.trim();
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    status.textContent = "Linting…";
    try {
      const resp = await fetch("/api/v1/lint", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await resp.json().catch(function () { return {}; });
      if (!resp.ok) {
        status.textContent = "The server refused the request (" + resp.status + "): " + (data.error || resp.statusText);
        return;
      }
      const list = items(data);
      renderFindings(list);
      renderSource(text, list);
      status.textContent = summary(data, list);
    } catch (err) {
      status.textContent = "Could not reach ctlint serve: " + err.message;
    } finally {
      button.disabled = false;
      form.removeAttribute("aria-busy");
    }
  }

  function loadFile(file) {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = function () {
      content.value = String(reader.result);
      filename.value = file.name;
      status.textContent = "Loaded " + file.name + ". Press Lint.";
      content.focus();
    };
    reader.onerror = function () {
      status.textContent = "Could not read " + file.name + ".";
    };
    reader.readAsText(file);
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    lint();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      lint();
    }
  });
  fileInput.addEventListener("change", function () { loadFile(fileInput.files[0]); });
  content.addEventListener("dragover", function (ev) {
    ev.preventDefault();
    content.classList.add("dragging");
  });
  content.addEventListener("dragleave", function () { content.classList.remove("dragging"); });
  content.addEventListener("drop", function (ev) {
    content.classList.remove("dragging");
    if (ev.dataTransfer && ev.dataTransfer.files.length) {
      ev.preventDefault();
      loadFile(ev.dataTransfer.files[0]);
    }
  });
})();
