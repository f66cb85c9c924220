package io.gevent4j.processor.lowering;

import com.sun.source.util.TreePath;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Slot;
import java.util.ArrayList;
import java.util.List;

/** The source trees and slots that one instruction's code holds. */
final class InstructionCode {
  /** The source trees printed (whole or in part) by the instruction. */
  final List<TreePath> trees = new ArrayList<>();
  /** The slots its lowered code names. */
  final List<Slot> slots = new ArrayList<>();

  InstructionCode(Instruction instruction) {
    if (instruction instanceof Instruction.Verbatim) {
      trees.add(((Instruction.Verbatim) instruction).statement());
    } else if (instruction instanceof Instruction.Run) {
      add(((Instruction.Run) instruction).statement());
    } else if (instruction instanceof Instruction.Branch) {
      add(((Instruction.Branch) instruction).condition());
    } else if (instruction instanceof Instruction.Return) {
      add(((Instruction.Return) instruction).value());
    } else if (instruction instanceof Instruction.Throw) {
      add(((Instruction.Throw) instruction).exception());
    } else if (instruction instanceof Instruction.Switch) {
      add(((Instruction.Switch) instruction).selector());
    } else if (instruction instanceof Instruction.Suspend) {
      addCall((Instruction.Suspend) instruction);
      add(((Instruction.Suspend) instruction).target());
    }
  }

  private InstructionCode() {
  }

  /** The code a suspension evaluates before it may suspend: its receiver and arguments. */
  static InstructionCode callOf(Instruction.Suspend suspend) {
    InstructionCode code = new InstructionCode();
    code.addCall(suspend);
    return code;
  }

  /** The code its result is stored through: on both sides of the suspension (at once, or once resumed). */
  static InstructionCode targetOf(Instruction.Suspend suspend) {
    InstructionCode code = new InstructionCode();
    code.add(suspend.target());
    return code;
  }

  private void addCall(Instruction.Suspend suspend) {
    add(suspend.receiver());
    suspend.arguments().forEach(this::add);
  }

  private void add(Code code) {
    if (code == null) {
      return;
    }
    for (Object part : code.parts()) {
      if (part instanceof TreePath) {
        trees.add((TreePath) part);
      } else if (part instanceof Slot) {
        slots.add((Slot) part);
      } else if (part instanceof Code.Effect) {
        trees.add(((Code.Effect) part).path());
      } else if (part instanceof Code.Substituted) {
        trees.add(((Code.Substituted) part).path());
        ((Code.Substituted) part).operands().values().forEach(this::add);
      } else if (part instanceof Code.Assignment) {
        add(((Code.Assignment) part).target());
        add(((Code.Assignment) part).value());
      } else if (part instanceof Code.Field) {
        add(((Code.Field) part).object());
      } else if (part instanceof Code.Step) {
        add(((Code.Step) part).location());
      }
    }
  }
}
