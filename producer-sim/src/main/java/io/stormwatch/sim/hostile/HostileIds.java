package io.stormwatch.sim.hostile;

/**
 * The record ids the generator writes ({@code <class>~<number>}), so that a normalised event tells
 * which class its record belonged to.
 */
public final class HostileIds {

  private static final char SEPARATOR = '~';

  private HostileIds() {}

  /** The id of the {@code number}-th record of {@code hostileClass}. */
  public static String of(HostileClass hostileClass, long number) {
    return hostileClass.code() + SEPARATOR + number;
  }

  /** The class an event id was generated for, or null when it is not such an id. */
  public static HostileClass classOf(String eventId) {
    if (eventId == null) {
      return null;
    }
    int separator = eventId.indexOf(SEPARATOR);
    return separator < 0 ? null : HostileClass.ofCode(eventId.substring(0, separator));
  }
}
