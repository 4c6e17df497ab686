package dev.runtimes.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.client.model.ErrorType;
import dev.runtimes.client.model.ValidationErrorItem;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Turns an error answer into the matching {@link RuntimesApiException}, whatever its body. */
final class ErrorDecoder {
    static final String REQUEST_ID = "X-Request-Id";
    static final String RETRY_AFTER = "Retry-After";
    private static final int QUOTED_BODY_LENGTH = 200;
    private static final TypeReference<List<ValidationErrorItem>> ITEMS = new TypeReference<>() {};

    private final ObjectMapper mapper;

    ErrorDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    RuntimesApiException decode(int status, HttpHeaders headers, String body) {
        Optional<JsonNode> envelope = envelope(body);
        String type = envelope.map(node -> text(node, "type")).orElse(null);
        String detail = envelope.map(node -> text(node, "detail")).orElseGet(() -> describe(status, body));
        List<ValidationErrorItem> errors =
                envelope.map(node -> items(node.get("errors"))).orElse(List.of());
        ApiError error = new ApiError(status, type, detail, errors, header(headers, REQUEST_ID));
        return switch (status) {
            case 400 -> new InvalidRequestException(error);
            case 401 -> new AuthenticationException(error);
            case 403 -> new ForbiddenException(error);
            case 404 -> new NotFoundException(error);
            case 410 -> new CursorExpiredException(error);
            case 409 ->
                is(type, ErrorType.ALREADY_EXISTS_ERROR)
                        ? new AlreadyExistsException(error)
                        : new ConflictException(error);
            case 422 -> new ValidationException(error);
            case 426 -> new UpgradeRequiredException(error);
            case 429 ->
                is(type, ErrorType.INSUFFICIENT_CREDITS_ERROR)
                        ? new InsufficientCreditsException(error)
                        : new RateLimitException(error, retryAfter(headers));
            case 500 -> new ServerErrorException(error);
            case 502, 504 -> new UpstreamException(error);
            default -> new RuntimesApiException(error);
        };
    }

    /** The body as a JSON object, if it is one. */
    private Optional<JsonNode> envelope(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private List<ValidationErrorItem> items(JsonNode errors) {
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        try {
            return List.copyOf(mapper.convertValue(errors, ITEMS));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String describe(int status, String body) {
        if (body == null || body.isBlank()) {
            return "The server answered " + status + " with an empty body.";
        }
        String quoted = body.strip().replaceAll("\\s+", " ");
        if (quoted.length() > QUOTED_BODY_LENGTH) {
            quoted = quoted.substring(0, QUOTED_BODY_LENGTH) + "...";
        }
        return "The server answered " + status + " without an error envelope: " + quoted;
    }

    private static boolean is(String type, ErrorType expected) {
        return expected.getValue().equals(type);
    }

    private static String header(HttpHeaders headers, String name) {
        return headers == null ? null : headers.firstValue(name).orElse(null);
    }

    /** {@code Retry-After} in seconds, as the API documents it; anything else is ignored. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = header(headers, RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
