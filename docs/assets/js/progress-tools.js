/* Path to PM: export, import and reset progress (the "My progress" page).
 * Loaded on demand by progress.js, whose storage functions it uses through
 * window.ptpProgress. Nothing from an imported file is inserted as HTML:
 * every message is set with textContent. */
(() => {
  "use strict";

  const P = window.ptpProgress;
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));


  let undo = null;

  function say(text) {
    const out = document.querySelector("[data-ptp-tools-status]");
    if (out) out.textContent = text;
  }

  function knownIds() {
    return new Set($$("[data-ptp-item]").map((li) => li.dataset.ptpItem));
  }

  function exportFile() {
    const data = {
      format: P.FORMAT,
      version: P.VERSION,
      site: P.siteRoot.href,
      exported: new Date().toISOString(),
      ticks: P.ticks,
    };
    const blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `path-to-pm-progress-${data.exported.slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    say(`Exported ${Object.keys(P.ticks).length} ticked items to ${a.download}.`);
  }

  function importText(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return say("That file is not a Path to PM progress file (it is not valid JSON). Nothing was changed.");
    }
    if (!data || typeof data !== "object" || data.format !== P.FORMAT) {
      return say("That file is not a Path to PM progress file. Nothing was changed.");
    }
    if (data.version !== P.VERSION) {
      // Only a number is quoted: String() of an object from the file could call anything it defines.
      const which = typeof data.version === "number" && Number.isFinite(data.version) ? ` ${String(data.version).slice(0, 10)}` : "";
      return say(`That file uses a format version${which} that this version of the guide cannot read. Nothing was changed.`);
    }
    const { ticks, dropped } = P.cleanTicks(data.ticks);
    const known = knownIds();
    let restored = 0;
    let unknown = 0;
    for (const [id, when] of Object.entries(ticks)) {
      if (!known.has(id)) unknown++;
      else if (!(id in P.ticks)) {
        P.ticks[id] = when;
        restored++;
      }
    }
    P.save();
    P.render();
    let msg = `Restored ${restored} tick${restored === 1 ? "" : "s"}.`;
    if (unknown) msg += ` ${unknown} item${unknown === 1 ? " is" : "s are"} no longer in the guide and ${unknown === 1 ? "was" : "were"} ignored.`;
    if (dropped) msg += ` ${dropped} damaged entr${dropped === 1 ? "y was" : "ies were"} skipped.`;
    say(msg);
  }

  function setupTools() {
    const tools = document.querySelector("[data-ptp-tools]");
    if (!tools || tools.dataset.ready) return;
    tools.dataset.ready = "1";
    tools.hidden = false;
    const confirmBox = tools.querySelector("[data-ptp-confirm]");
    const undoButton = tools.querySelector("[data-ptp-undo]");
    tools.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      const action = button.dataset.ptpAction;
      if (action === "export") exportFile();
      else if (action === "reset") {
        confirmBox.hidden = false;
        confirmBox.querySelector("button").focus();
      } else if (action === "cancel") {
        confirmBox.hidden = true;
        say("Nothing was cleared.");
      } else if (action === "confirm-reset") {
        undo = { ...P.ticks };
        P.ticks = Object.create(null);
        P.save();
        P.render();
        confirmBox.hidden = true;
        undoButton.hidden = false;
        undoButton.focus();
        say(`Cleared ${Object.keys(undo).length} ticks. You can undo this once.`);
      } else if (action === "undo" && undo) {
        P.ticks = Object.assign(Object.create(null), undo, P.ticks);
        undo = null;
        P.save();
        P.render();
        undoButton.hidden = true;
        // The focused button just disappeared: keep focus on the button that did the reset.
        tools.querySelector("[data-ptp-action=reset]").focus();
        say("Your ticks are back.");
      }
    });
    const file = tools.querySelector("input[type=file]");
    // The picker is a visually hidden input inside a label styled as a button:
    // Space opens it natively, Enter does not, so Enter opens it here.
    file.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        file.click();
      }
    });
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      if (chosen.size > 1024 * 1024) {
        say("That file is too large to be a progress file. Nothing was changed.");
      } else chosen.text().then(importText, () => say("That file could not be read. Nothing was changed."));
      file.value = "";
    });
  }

  P.onEveryPage(setupTools);
})();
