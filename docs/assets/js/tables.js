/* Path to PM: filter and sort the catalogue tables. Plain ES2020.
 * Without JavaScript the tables are plain and complete; this only adds
 * labelled <select> filters and sortable column headers (aria-sort). */
(() => {
  "use strict";

  // The filters each catalogue offers: [data attribute, label]. Option names
  // come from the values themselves ("course-required" -> "Course required").
  const FILTERS = {
    resources: [["steps", "Step"], ["type", "Type"], ["cost", "Cost"]],
    certifications: [["kind", "Kind"], ["format", "How you earn it"]],
  };
  const nameOf = (key, v) => (key === "steps" ? `Step ${v}` : v.charAt(0).toUpperCase() + v.slice(1).replace(/-/g, " "));

  const values = (row, key) => (row.dataset[key] || "").split(" ").filter(Boolean);

  function setupFilters(region) {
    const spec = FILTERS[region.dataset.ptpFilter];
    const table = region.querySelector("table");
    if (!spec || !table || region.previousElementSibling?.classList.contains("ptp-filters")) return;
    const rows = Array.from(table.tBodies[0].rows);
    const bar = document.createElement("div");
    bar.className = "ptp-filters";
    const out = document.createElement("output");
    out.setAttribute("aria-live", "polite");
    const selects = spec.map(([key, label]) => {
      const options = [...new Set(rows.flatMap((r) => values(r, key)))].sort((a, b) => (Number(a) - Number(b)) || a.localeCompare(b));
      const wrap = document.createElement("div");
      const caption = document.createElement("label");
      const select = document.createElement("select");
      select.id = `ptp-filter-${region.dataset.ptpFilter}-${key}`;
      caption.htmlFor = select.id;
      caption.textContent = label;
      wrap.append(caption);
      select.dataset.key = key;
      select.add(new Option("All", ""));
      for (const v of options) select.add(new Option(nameOf(key, v), v));
      wrap.append(select);
      bar.append(wrap);
      return select;
    });
    bar.append(out);
    region.before(bar);
    // When no row matches, say so where the table was, with a way back.
    const none = document.createElement("p");
    none.className = "ptp-filters__none";
    none.hidden = true;
    const reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button";
    reset.textContent = "Show all";
    none.append("Nothing matches these filters. ", reset);
    region.after(none);
    const apply = () => {
      let shown = 0;
      for (const row of rows) {
        const ok = selects.every((s) => !s.value || values(row, s.dataset.key).includes(s.value));
        row.hidden = !ok;
        if (ok) shown++;
      }
      out.textContent = `Showing ${shown} of ${rows.length}`;
      none.hidden = shown > 0;
      region.hidden = shown === 0;
    };
    reset.addEventListener("click", () => {
      for (const s of selects) s.value = "";
      apply();
      selects[0].focus();
    });
    bar.addEventListener("change", apply);
    apply();
  }

  function setupSort(table) {
    if (table.dataset.sortable) return;
    table.dataset.sortable = "1";
    const heads = Array.from(table.tHead.rows[0].cells);
    heads.forEach((th, col) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.append(button);
      th.setAttribute("aria-sort", "none"); // tells assistive technology, and site.css, that it sorts
      button.addEventListener("click", () => {
        const dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        for (const h of heads) h.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", dir);
        const body = table.tBodies[0];
        // The build writes a data-sort value where the text does not sort well
        // (cost as an amount, level as a rank, dates as ISO dates); an empty one
        // (an unknown cost) goes last in either direction.
        const key = (row) => {
          const cell = row.cells[col];
          return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
        };
        const sorted = Array.from(body.rows).sort((a, b) => {
          const x = key(a), y = key(b);
          if (x === "" || y === "") return (x === "") - (y === "");
          const nx = Number(x), ny = Number(y);
          const cmp = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y, "en", { numeric: true });
          return dir === "ascending" ? cmp : -cmp;
        });
        body.append(...sorted);
      });
    });
  }

  function page() {
    for (const region of document.querySelectorAll("[data-ptp-filter]")) {
      setupFilters(region);
      setupSort(region.querySelector("table"));
    }
  }

  // Loaded on demand by progress.js, after the page's first render: its helper sets up now
  // and again after every instant navigation.
  window.ptpProgress.onEveryPage(page);
})();
