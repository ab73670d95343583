// The demo portal's pages open the request their own address names, as a
// mail's link to it does (http://127.0.0.1:8080/?request=ID): the page
// hands the id to the widget's open-request attribute
// (docs/embedding.md, "Opening a request from a link").
const id = new URLSearchParams(location.search).get("request");
if (id) document.querySelector("support-widget")?.setAttribute("open-request", id);
