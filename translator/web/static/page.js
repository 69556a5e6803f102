// Only conveniences: live character counts, copy buttons, the chart's tooltips, drop and size checks, text
// areas that grow, the count of ticked additions, the jump to the next offer.
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

function growing() {
  // Text areas as tall as their text (browsers without CSS field-sizing).
  if (CSS.supports?.("field-sizing", "content")) return;
  for (const area of document.querySelectorAll("textarea")) {
    const fit = () => { area.style.height = "auto"; area.style.height = `${area.scrollHeight + 2}px`; };
    area.addEventListener("input", fit);
    fit();
  }
}

function ticked() {
  const out = document.querySelector("[data-ticked]");
  if (!out) return;
  const boxes = [...document.querySelectorAll('input[type=checkbox][name^="confirm."]')];
  const update = () => {
    const n = boxes.filter((box) => box.checked).length;
    out.textContent = `${n} addition${n === 1 ? "" : "s"} ticked`;
  };
  for (const box of boxes) box.addEventListener("change", update);
  update();
}

function nextOffer() {
  // The link goes to the first bullet with an offer below the top of the window, then round again.
  const link = document.querySelector("[data-next-offer]");
  if (!link) return;
  const offers = [...document.querySelectorAll("[data-offer]")].map((answers) => answers.closest("article"));
  link.addEventListener("click", (event) => {
    const next = offers.find((article) => article.getBoundingClientRect().top > 8) ?? offers[0];
    event.preventDefault();
    next.scrollIntoView({ block: "start" });
    history.replaceState(null, "", `#${next.id}`);
    next.querySelector("input")?.focus({ preventScroll: true });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  counters();
  growing();
  ticked();
  nextOffer();
  copyButtons();
  chartTips();
  upload();
});
