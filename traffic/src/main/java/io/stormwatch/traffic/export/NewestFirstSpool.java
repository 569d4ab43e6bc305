package io.stormwatch.traffic.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reverses a stream of items in bounded memory, for exports that list the newest record first
 * (Purview, Graph): items are held up to a budget, then spilled to a temporary file in reverse; the
 * spills are read back last one first.
 */
final class NewestFirstSpool implements Closeable {
  private static final int IO_BUFFER_BYTES = 64 * 1024;

  private final long memoryBudget;
  private final Path spillParent;
  private final List<byte[]> held = new ArrayList<>();
  private final List<Path> spills = new ArrayList<>();
  private Path spillDirectory;
  private long heldBytes;
  private DataInputStream reading;

  NewestFirstSpool(long memoryBudget, Path spillParent) {
    this.memoryBudget = memoryBudget;
    this.spillParent = spillParent;
  }

  void add(byte[] item) throws IOException {
    held.add(item);
    heldBytes += item.length + 16L;
    if (heldBytes >= memoryBudget) {
      spill();
    }
  }

  /** Every item added, the last added first. Read it once. */
  Iterator<byte[]> newestFirst() {
    return new Iterator<>() {
      private int nextHeld = held.size() - 1;
      private int nextSpill = spills.size() - 1;
      private byte[] next = advance();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public byte[] next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        byte[] current = next;
        next = advance();
        return current;
      }

      private byte[] advance() {
        if (nextHeld >= 0) {
          return held.get(nextHeld--);
        }
        try {
          while (true) {
            if (reading != null) {
              byte[] item = readItem(reading);
              if (item != null) {
                return item;
              }
              reading.close();
              reading = null;
            }
            if (nextSpill < 0) {
              return null;
            }
            reading =
                new DataInputStream(
                    new BufferedInputStream(
                        Files.newInputStream(spills.get(nextSpill--)), IO_BUFFER_BYTES));
          }
        } catch (IOException unreadable) {
          throw new UncheckedIOException("cannot read back a spilled export chunk", unreadable);
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    if (reading != null) {
      reading.close();
    }
    for (Path spill : spills) {
      Files.deleteIfExists(spill);
    }
    if (spillDirectory != null) {
      Files.deleteIfExists(spillDirectory);
    }
  }

  private void spill() throws IOException {
    if (spillDirectory == null) {
      spillDirectory = Files.createTempDirectory(spillParent, "stormwatch-export-");
    }
    Path spill = spillDirectory.resolve("chunk-" + spills.size() + ".bin");
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(Files.newOutputStream(spill), IO_BUFFER_BYTES))) {
      for (int i = held.size() - 1; i >= 0; i--) {
        out.writeInt(held.get(i).length);
        out.write(held.get(i));
      }
    }
    spills.add(spill);
    held.clear();
    heldBytes = 0;
  }

  private static byte[] readItem(DataInputStream in) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (java.io.EOFException end) {
      return null;
    }
    byte[] item = new byte[length];
    in.readFully(item);
    return item;
  }
}
