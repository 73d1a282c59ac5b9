package dev.docent.knowledge;

import java.util.List;

/**
 * One page of a list: the items from {@code offset}, at most {@code limit}, of
 * {@code total}.
 */
public record PageList<T>(List<T> items, int offset, int limit, int total) {

    public PageList {
        items = List.copyOf(items);
    }
}
