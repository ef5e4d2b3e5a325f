package dev.weft.samples.agent;

/** Declares a volatile field that a subclass's code reaches through the subclass. */
public class VolatileBase {
  protected volatile long inherited;
}
