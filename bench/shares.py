"""The JVM's CPU per part of a list request, from async-profiler's folded stacks (bench/profile.sh).

Each sample counts once for every part whose frame is on its stack; a part nested in another
(the page's statement inside the list method) is a share of the whole JVM too, not of its parent.
"""
import sys

# (part, a frame that marks it), in the order docs/benchmarks.md lists them.
PARTS = [
    ("the list method inside Hibernate Validator's interceptor",
     "AbstractMethodValidationInterceptor.validateMethodInvocation"),
    ("  of it: the page's statement and its rows", "dev/runtimes/server/domain/RuntimePageQuery.page"),
    ("  of it: mapping the rows to the spec's models", "dev/runtimes/server/web/RuntimeMapper.toListResponse"),
    ("  of it: the labels read from JSON", "dev/runtimes/server/web/RuntimeMapper.labels"),
    ("the response filters", "handlers/ResourceResponseFilterHandler.handle"),
    ("  of them: the ETag filter", "dev/runtimes/server/web/ConditionalReadFilter.tag"),
    ("  of it: Jackson writing the page", "com/fasterxml/jackson/databind/ObjectMapper.writeValue"),
    ("  of it: SHA-256", "dev/runtimes/server/web/EntityTags.of"),
    ("the request filters", "handlers/ResourceRequestFilterHandler.handle"),
    ("  of them: authentication", "dev/runtimes/server/web/AuthenticationFilter.authenticate"),
    ("  of them: the rate limit", "dev/runtimes/server/web/RateLimitFilter.limit"),
    ("the body handed to Vert.x, and the answer's end", "handlers/ResponseWriterHandler.handle"),
    ("  of it: the access line", "dev/runtimes/server/web/AccessLog.lambda$watch$0"),
    ("the worker thread in all", "org/jboss/threads/EnhancedQueueExecutor.runThreadBody"),
    ("the event loop (Netty, Vert.x)", "io/netty/channel/nio/NioEventLoop.run"),
    ("the JIT compilers", "CompileBroker::compiler_thread_loop"),
    ("collections and other safepoint work (the VM thread)", "VMThread::run"),
    ("across the parts: both statements through JDBC (the key's and the page's)",
     "PreparedStatementWrapper.executeQuery"),
]

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
