package dev.runtimes.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/** Records every log line the server writes while it is open, down to {@code DEBUG}. */
public final class LogCapture extends Handler implements AutoCloseable {
    /** One log line as written: its category, its formatted message and its logging context. */
    public record Line(String category, String message, Map<String, String> mdc, Throwable thrown) {}

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {}

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        capture.root.addHandler(capture);
        capture.root.setLevel(Level.FINE);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> lines(String category) {
        return lines.stream().filter(line -> line.category().equals(category)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = (ExtLogRecord) record;
        lines.add(new Line(ext.getLoggerName(), ext.getFormattedMessage(), ext.getMdcCopy(), ext.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
    }
}
