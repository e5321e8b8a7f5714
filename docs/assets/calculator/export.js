// Getting a scenario out of the page: a file download (CSV, JSON) and the link to the clipboard.

import { messages } from "./messages.js";

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Copies location.href; returns the sentence to show, or null when the link was offered by hand
// (no clipboard permission).
export async function copyLink() {
  try {
    await navigator.clipboard.writeText(location.href);
    return messages.linkCopied;
  } catch {
    window.prompt(messages.copyByHand, location.href);
    return null;
  }
}
