package dev.runtimes.contract.harness;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Whether a spec may follow a released one, by openapi-diff's rules: a breaking change (a removed
 * operation or response field, a narrowed type or range, a new required parameter or field) is
 * allowed only with a new major {@code info.version}.
 *
 * <p>One deliberate exception: a new value in a response enum is compatible. The spec tells
 * clients to treat an unknown value as generic, and the Java client decodes it to
 * {@code UNKNOWN_DEFAULT_OPEN_API}.
 */
public final class Compatibility {
    private static final OpenApiDiffOptions OPTIONS = OpenApiDiffOptions.builder()
            .configProperty("incompatible.response.enum.increased", "false")
            .build();

    /** The verdict, with openapi-diff's own account of the changes. */
    public record Verdict(boolean breaking, String releasedVersion, String version, String changes) {
        public boolean majorChanged() {
            return !major(releasedVersion).equals(major(version));
        }

        public boolean allowed() {
            return !breaking || majorChanged();
        }

        private static String major(String version) {
            return version.split("\\.", 2)[0];
        }
    }

    private Compatibility() {}

    public static Verdict check(String releasedSpec, String spec) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(releasedSpec, spec, null, OPTIONS);
        return new Verdict(
                diff.isIncompatible(),
                diff.getOldSpecOpenApi().getInfo().getVersion(),
                diff.getNewSpecOpenApi().getInfo().getVersion(),
                new ConsoleRender().render(diff));
    }
}
