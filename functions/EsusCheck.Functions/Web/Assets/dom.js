// Small DOM helpers: every node is built with textContent, never from HTML strings.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** A problem (title, detail) shown as an alert. */
export function alertBox(title, detail) {
  return el('div', { class: 'alert', role: 'alert' }, el('h2', { text: title }), el('p', { text: detail }));
}

/** Marks a field invalid with its message, or valid again (message null). */
export function fieldError(input, messageNode, message) {
  if (message) {
    messageNode.textContent = message;
    messageNode.hidden = false;
    input.setAttribute('aria-invalid', 'true');
  } else {
    messageNode.textContent = '';
    messageNode.hidden = true;
    input.removeAttribute('aria-invalid');
  }
}

/** An API refusal: under the number field when it is about the number (the parser's French message), else as an
 * alert above the result. */
export function showRefusal(error, input, message, result) {
  if (error.code?.startsWith('identifier_')) {
    fieldError(input, message, error.detail);
    input.focus();
  } else {
    result.append(alertBox(error.title, error.detail));
  }
}

/** A table in a region that scrolls sideways on a narrow screen, reachable by keyboard to scroll it. */
export function scrollingTable(caption, ...rows) {
  return el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': caption },
    el('table', {}, el('caption', { text: caption }), ...rows));
}

/** Saves a Blob under a file name (the API key travels in a header, so links cannot point at the API). */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName, class: 'visually-hidden', tabindex: '-1' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
