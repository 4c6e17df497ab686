// Swagger UI at /q/swagger-ui/ reads the contract the server serves (OpenApiRoutes).
window.onload = function () {
    window.ui = SwaggerUIBundle({
        url: "../openapi",
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        plugins: [SwaggerUIBundle.plugins.DownloadUrl],
        layout: "StandaloneLayout",
    });
};
