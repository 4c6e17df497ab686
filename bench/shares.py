"""The JVM's CPU per part of a list request, and per owner of the code that spent it, from
async-profiler's folded stacks (bench/profile.sh).

Parts: each sample counts once for every part whose frame is on its stack; a part nested in another
(the page's statement inside the list method) is a share of the whole JVM too, not of its parent.
Owners: each sample counts once, for the owner of the innermost frame that is not the JDK's, so the
JDK code and the system calls a library makes are that library's. Our code's samples are then split
by that innermost frame of ours.
"""
import sys

JIT = "CompileBroker::compiler_thread_loop"
VM_THREAD = "VMThread::run"

# (part, a frame that marks it), in the order docs/benchmarks.md lists them.
PARTS = [
    ("the list method", "dev/runtimes/server/web/resource/RuntimesResource.listRuntimes"),
    ("  of it: the page's statement and its rows", "dev/runtimes/server/domain/RuntimePageQuery.page"),
    ("  of it: mapping the rows to the spec's models", "dev/runtimes/server/web/resource/RuntimeMapper.toListResponse"),
    ("  of it: the labels read from JSON", "dev/runtimes/server/web/resource/RuntimeMapper.labels"),
    ("the response filters", "handlers/ResourceResponseFilterHandler.handle"),
    ("  of them: the ETag filter", "dev/runtimes/server/web/traits/ConditionalReadFilter.tag"),
    ("  of it: Jackson writing the page", "com/fasterxml/jackson/databind/ObjectMapper.writeValue"),
    ("  of it: SHA-256", "dev/runtimes/server/web/traits/EntityTags.of"),
    ("the request filters", "handlers/ResourceRequestFilterHandler.handle"),
    ("  of them: authentication", "dev/runtimes/server/web/pipeline/AuthenticationFilter.authenticate"),
    ("  of them: the rate limit", "dev/runtimes/server/web/pipeline/RateLimitFilter.limit"),
    ("  of them: request conformance", "dev/runtimes/server/web/conformance/RequestConformance.check"),
    ("the body handed to Vert.x, and the answer's end", "handlers/ResponseWriterHandler.handle"),
    ("  of it: the access line", "dev/runtimes/server/web/edge/AccessLog.lambda$watch$0"),
    ("the worker thread in all", "org/jboss/threads/EnhancedQueueExecutor.runThreadBody"),
    ("the event loop (Netty, Vert.x)", "io/netty/channel/nio/NioEventLoop.run"),
    ("the JIT compilers", JIT),
    ("collections and other safepoint work (the VM thread)", VM_THREAD),
    ("across the parts: the page's statement through JDBC", "PreparedStatementWrapper.executeQuery"),
]

# (owner, the prefix of its frames), most specific first.
OWNERS = [
    ("the models generated from the spec", "dev/runtimes/server/api/"),
    ("our code", "dev/runtimes/"),
    ("Jackson", "com/fasterxml/jackson/"),
    ("the PostgreSQL JDBC driver", "org/postgresql/"),
    ("Agroal (the connection pool)", "io/agroal/"),
    ("Netty", "io/netty/"),
    ("Vert.x", "io/vertx/"),
    ("Quarkus REST", "org/jboss/resteasy/"),
    ("Quarkus", "io/quarkus/"),
    ("JBoss Threads (the worker pool)", "org/jboss/threads/"),
    ("JBoss Log Manager (logging: here the access line)", "org/jboss/logmanager/"),
    ("SmallRye", "io/smallrye/"),
    ("Micrometer", "io/micrometer/"),
    ("Bucket4j", "io/github/bucket4j/"),
]
SYSTEM_CALLS = {"__GI_write", "writev", "__GI_read", "poll", "__futex_abstimed_wait_common",
                "___pthread_cond_signal", "epoll_wait"}


def owner(frames):
    if JIT in frames:
        return "the JIT compilers"
    if VM_THREAD in frames:
        return "collections and other safepoint work (the VM thread)"
    for frame in reversed(frames):
        for name, prefix in OWNERS:
            if frame.startswith(prefix):
                return name
    return "the JDK and the JVM, called by none of these"


samples = []
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    if stack:
        samples.append((stack, int(count)))
total = sum(count for _, count in samples)
print(f"{total} samples\n\n| part | share of the JVM's CPU |\n|---|---|")
for part, frame in PARTS:
    share = sum(count for stack, count in samples if frame in stack)
    print(f"| {part} | {100 * share / total:.0f} % |")

owners, system_calls, ours = {}, {}, {}
for stack, count in samples:
    frames = stack.split(";")
    name = owner(frames)
    owners[name] = owners.get(name, 0) + count
    if frames[-1] in SYSTEM_CALLS:
        system_calls[name] = system_calls.get(name, 0) + count
    if name == "our code":
        method = next(frame for frame in reversed(frames) if frame.startswith("dev/runtimes/"))
        ours[method] = ours.get(method, 0) + count
print("\n| owner of the code | share of the JVM's CPU | of it, in system calls |\n|---|---|---|")
for name, share in sorted(owners.items(), key=lambda item: -item[1]):
    print(f"| {name} | {100 * share / total:.1f} % | {100 * system_calls.get(name, 0) / total:.1f} % |")
print("\n| our code, by its innermost method | share of the JVM's CPU |\n|---|---|")
for method, share in sorted(ours.items(), key=lambda item: -item[1])[:10]:
    print(f"| `{method}` | {100 * share / total:.1f} % |")
