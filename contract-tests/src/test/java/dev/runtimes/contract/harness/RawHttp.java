package dev.runtimes.contract.harness;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The raw channel: the call as plain HTTP, the answer validated against the spec. */
final class RawHttp {
    /**
     * Judges answers only: negative scenarios send requests the spec forbids on purpose. An answer
     * with a status the operation does not document, a missing required field, a wrong type, an
     * undocumented enum value or another content type fails the call.
     */
    static final OpenApiValidationFilter RESPONSES =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(ContractSpec.RESOURCE)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", TIMEOUT_MILLIS)
                    .setParam("http.socket.timeout", TIMEOUT_MILLIS));

    private RawHttp() {}

    static Outcome send(String baseUrl, Call call) {
        RequestSpecification request =
                given().config(CONFIG).urlEncodingEnabled(false).filter(RESPONSES);
        if (call.credentials().present()) {
            request.header(call.credentials().header(), call.credentials().value());
        }
        call.headers().forEach(request::header);
        if (call.bodyText() != null) {
            request.contentType(call.mediaType()).body(call.bodyText());
        }
        Response response = request.request(call.operation().method(), baseUrl + call.pathAndQuery());
        return new Outcome(call, Channel.RAW, response.statusCode(), headers(response), body(response));
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.headers()) {
            headers.computeIfAbsent(header.getName(), n -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    private static JsonNode body(Response response) {
        String text = response.asString();
        return text == null || text.isBlank() ? MissingNode.getInstance() : Json.parse(text);
    }
}
