package dev.runtimes.client;

import dev.runtimes.client.model.ValidationErrorItem;
import java.util.List;

/** What one error answer said, as {@link ErrorDecoder} read it. */
record ApiError(int status, String type, String detail, List<ValidationErrorItem> errors, String requestId) {}
