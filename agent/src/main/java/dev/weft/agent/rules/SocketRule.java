package dev.weft.agent.rules;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * In the JDK's socket classes, the native calls through which a socket, a server socket, a channel
 * or a selector waits for the kernel go to hooks instead, which give the turn away while the
 * descriptor is not ready ({@code Sockets} in the runtime):
 *
 * <pre>
 *   Net.poll(fd, events, timeout)       a socket's wait for readiness   socketPoll
 *   Net.accept(fd, newFd, address)      a scheduling point, then it     socketAccept
 *   EPoll.wait(epfd, .., timeout)       a selector's or an asynchronous epollWait
 *                                       channel group's wait (Linux)
 * </pre>
 *
 * Each hook takes the call's own arguments and returns its result. The classes are the same from
 * JDK 17 to 25. Reads, writes and connects get entry hooks instead ({@link JdkRules}).
 */
final class SocketRule extends HookMethodVisitor {
  /**
   * The classes whose calls are replaced; datagrams are not among them (docs/concurrency.md). An
   * asynchronous channel group's I/O thread waits in {@code EPollPort$EventHandlerTask}.
   */
  static final Set<String> CLASSES = Set.of("sun/nio/ch/NioSocketImpl",
      "sun/nio/ch/SocketChannelImpl", "sun/nio/ch/ServerSocketChannelImpl", "sun/nio/ch/SelChImpl",
      "sun/nio/ch/EPollSelectorImpl", "sun/nio/ch/EPollPort$EventHandlerTask",
      "sun/nio/ch/UnixAsynchronousServerSocketChannelImpl");

  private static final String FD = "Ljava/io/FileDescriptor;";
  private static final Map<String, String> HOOKS = Map.of(
      "sun/nio/ch/Net.poll(" + FD + "IJ)I", "socketPoll",
      "sun/nio/ch/Net.accept(" + FD + FD + "[Ljava/net/InetSocketAddress;)I", "socketAccept",
      "sun/nio/ch/EPoll.wait(IJII)I", "epollWait");

  SocketRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    String hook =
        opcode == Opcodes.INVOKESTATIC ? HOOKS.get(owner + "." + name + descriptor) : null;
    if (hook != null) {
      invokeHook(hook, descriptor);
    } else {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
  }
}
