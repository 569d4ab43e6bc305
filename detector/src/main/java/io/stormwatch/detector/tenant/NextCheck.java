package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.nio.ByteBuffer;

/**
 * The codec of the stream time at which a task's tenant stage next checks due token uses.
 *
 * <p>Version 1 was the time alone, eight bytes without a version byte; version 2 is the time after
 * the version byte, like every other state. Eight bytes are therefore version 1: a version-2
 * encoding is nine.
 */
final class NextCheck {

  static final StateCodec<Long> CODEC =
      new StateCodec<>() {
        private final StateCodec<Long> versioned =
            new BinaryStateCodec<>("next check", 2) {
              @Override
              protected void write(Long time, BinaryStateWriter out) {
                out.writeLong(time);
              }

              @Override
              protected Long read(BinaryStateReader in, int version) {
                if (version == 1) {
                  throw new IllegalStateException(
                      "next check state is corrupt: version 1 has no version byte");
                }
                return in.readLong();
              }
            };

        @Override
        public int version() {
          return versioned.version();
        }

        @Override
        public byte[] encode(Long time) {
          return versioned.encode(time);
        }

        @Override
        public Long decode(byte[] bytes) {
          return bytes.length == Long.BYTES
              ? ByteBuffer.wrap(bytes).getLong()
              : versioned.decode(bytes);
        }
      };

  private NextCheck() {}
}
