package dev.weft.explorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.view.ChoiceKind;
import org.junit.jupiter.api.Test;

class ChoiceCodecTest {
  @Test
  void compressesRunsAndRoundTrips() {
    Choices c = new Choices();
    for (int i = 0; i < 3; i++) c.add(ChoiceKind.THREAD, 0);
    c.add(ChoiceKind.THREAD, 1);
    c.add(ChoiceKind.NOTIFY, 0);
    c.add(ChoiceKind.THREAD, 2);
    c.add(ChoiceKind.THREAD, 2);
    String text = ChoiceCodec.encode(c);
    assertEquals("0*3.1.n0.2*2", text);
    assertEquals(c.copy(), ChoiceCodec.decode(text));
  }

  @Test
  void emptyIsNoChoice() {
    assertEquals("", ChoiceCodec.encode(new Choices()));
    assertEquals(0, ChoiceCodec.decode("").size());
  }

  @Test
  void corruptTokensAreRefusedWithTheToken() {
    for (String bad : new String[] {"0*", "x", "1..2", "n", "-1", "0*0", "1*99999999999"}) {
      ScheduleException e = assertThrows(ScheduleException.class, () -> ChoiceCodec.decode(bad));
      assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }
  }

  /** A byte flip can put a line break in the choices; the message shows it escaped, on one line. */
  @Test
  void aControlCharacterInTheChoicesIsShownEscaped() {
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> ChoiceCodec.decode("1.0.1\n2*2"));
    assertTrue(e.getMessage().contains("near '1\\n2*2'"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
