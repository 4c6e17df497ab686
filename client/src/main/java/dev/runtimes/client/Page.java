package dev.runtimes.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list, already fetched, and the way to the pages after it. The following pages are
 * fetched with the same filters, lazily, as {@link #autoPagingStream()} or {@link
 * #autoPagingIterable()} reach them; a failure while fetching one is thrown from the stream or
 * iterator at that point.
 *
 * @param <T> the type of the listed items
 */
public final class Page<T> {
    private final List<T> items;
    private final String nextCursor;
    private final Function<String, Page<T>> fetch;

    Page(List<T> items, String nextCursor, Function<String, Page<T>> fetch) {
        this.items = List.copyOf(items);
        this.nextCursor = nextCursor;
        this.fetch = fetch;
    }

    /** @return the items of this page, in the order of the list */
    public List<T> items() {
        return items;
    }

    /** @return the cursor of the next page, empty on the last page */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    /** @return whether a page follows this one */
    public boolean hasNextPage() {
        return nextCursor != null;
    }

    /**
     * Fetches the page after this one.
     *
     * @return the next page
     * @throws NoSuchElementException on the last page
     */
    public Page<T> nextPage() {
        if (nextCursor == null) {
            throw new NoSuchElementException("This is the last page");
        }
        return fetch.apply(nextCursor);
    }

    /** @return the items of this page and of every page after it, fetched as the stream reaches them */
    public Stream<T> autoPagingStream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** @return the items of this page and of every page after it; each iteration walks the pages anew */
    public Iterable<T> autoPagingIterable() {
        return this::iterator;
    }

    private Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index == page.items.size() && page.hasNextPage()) {
                    page = page.nextPage();
                    index = 0;
                }
                return index < page.items.size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items.get(index++);
            }
        };
    }
}
