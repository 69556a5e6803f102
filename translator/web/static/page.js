// Only conveniences: live character counts, copy buttons, the chart's tooltips, drop and size checks.
// The page works without this file; the Content-Security-Policy forbids inline script.
"use strict";

function counters() {
  for (const area of document.querySelectorAll("textarea[data-limit]")) {
    const limit = Number(area.dataset.limit);
    const out = document.querySelector(`[data-count-for="${area.id}"]`);
    const visible = document.querySelector(`[data-visible-for="${area.id}"]`);
    const update = () => {
      const n = [...area.value].length;
      out.textContent = `${n.toLocaleString("en-US")} / ${limit.toLocaleString("en-US")} characters` +
        (n > limit ? ` — ${(n - limit).toLocaleString("en-US")} over the limit` : "");
      out.classList.toggle("over", n > limit);
      if (visible) visible.textContent = [...area.value].slice(0, Number(visible.dataset.visible)).join("");
    };
    area.addEventListener("input", update);
    update();
  }
}

function copyButtons() {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    button.hidden = false;
    button.setAttribute("aria-label", `Copy: ${source.labels[0]?.textContent ?? "text"}`);
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.value);
      } catch {
        source.select();
        document.execCommand("copy");
      }
      button.textContent = "Copied";
      setTimeout(() => { button.textContent = "Copy"; }, 1500);
    });
  }
}

function chartTips() {
  const out = document.querySelector("[data-tip-out]");
  if (!out) return;
  for (const bar of document.querySelectorAll("[data-chart] [data-tip]")) {
    const show = () => { out.textContent = bar.dataset.tip; };
    bar.addEventListener("mouseenter", show);
    bar.addEventListener("focus", show);
  }
}

function upload() {
  const zone = document.querySelector("[data-drop]");
  if (!zone) return;
  const input = zone.querySelector("input[type=file]");
  const help = document.getElementById("file-help");
  const check = () => {
    const file = input.files[0];
    const max = Number(input.dataset.maxBytes);
    if (file && file.size > max) {
      input.setCustomValidity(`${file.name} is over the ${max / 1048576} MB limit for a CV.`);
      help.textContent = input.validationMessage;
    } else {
      input.setCustomValidity("");
      help.textContent = file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : "Choose a file or drop it here.";
    }
  };
  input.addEventListener("change", check);
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      check();
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  counters();
  copyButtons();
  chartTips();
  upload();
});
