// Starts Swagger UI on our own OpenAPI document (kept out of the page so the CSP needs no inline script).
window.ui = window.SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
