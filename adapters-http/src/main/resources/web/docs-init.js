// Starts Swagger UI on the service's own document. A file of its own, not an inline script, so that
// the page's Content-Security-Policy can forbid inline scripts.
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  // No badge from the online validator: the page talks to this service only.
  validatorUrl: 'none',
});
