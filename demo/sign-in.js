// The demo portal's sign-in, as a portal hands the widget its user: each
// widget gets a token provider that asks the portal's own server for a token
// of the user signed in (scripts/static_server.py's /demo-token: a partner's
// on the partner pages, a customer's on the customers' page). A portal on an
// OpenID Connect sign-in returns its access token here instead.
//
// When no one is signed in (scripts/serve with AUTH=none, an open backend)
// the server has no token and the provider gives null: the widget then asks
// for the contact's name and email.
const tokenOf = (user) => () =>
  fetch(`demo-token?as=${user}`, { cache: "no-store" })
    .then((response) => (response.status === 200 ? response.json() : null))
    .then((body) => body?.token ?? null)
    .catch(() => null);

customElements.whenDefined("support-widget").then(() => {
  for (const widget of document.querySelectorAll("support-widget")) {
    const user = widget.getAttribute("audience") === "customer" ? "customer" : "partner";
    widget.setTokenProvider?.(tokenOf(user));
  }
});
