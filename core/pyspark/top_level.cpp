// Interpreter, the program's top level: its statements run from an explicit stack of blocks, so a
// program can stop at a wait (time.sleep(5), q.awaitTermination(10)) and go on later from there.
// The host keeps the engine running meanwhile: lines typed while a program sleeps reach its
// queries, as they reach Spark's while the driver sleeps. The blocks are the module's, those of its
// if, for, while, with and try statements, and the bodies of functions called by a statement of
// their own (`main()`). A call inside an expression runs as one step (eval), and a wait in it
// cannot suspend the program (the call says so).
//
// An error raised here unwinds the stack as Python unwinds its frames: to the first try block
// whose `except` takes it, through the finally blocks on the way, which raise it again as they end.
#include <fmt/format.h>

#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

// A statement whose call may wait, or enter a function: the call alone, or its result assigned.
const Expr* statementCall(const Stmt& s) {
  if (!s.value || s.value->kind != ExprKind::Call) return nullptr;
  if (s.kind == StmtKind::Expr || s.kind == StmtKind::Assign) return s.value.get();
  return nullptr;
}

}  // namespace

RunOutcome Interpreter::resume() {
  if (!suspended_) return RunOutcome::Finished;
  Suspension s = std::move(*suspended_);
  suspended_.reset();
  resetBudget();
  // The wait's result (or the error it raises, awaitTermination's query failure) belongs to its
  // statement, inside whatever try blocks hold it.
  const Stmt* at = s.at;
  auto finish = std::move(s.wait.finish);
  return runTopLevel(std::move(s.program), std::move(s.stack),
                     [this, at, finish](std::vector<Cursor>& stack) {
                       Value result = finish ? finish() : Value();
                       if (at->kind != StmtKind::Assign) return;
                       for (const ExprPtr& t : at->targets)
                         assign(*t, result, *stack.back().frame);
                     });
}

RunOutcome Interpreter::interrupt() {
  if (!suspended_) return RunOutcome::Finished;
  SourcePosition at = suspended_->wait.pos;
  suspended_->wait.finish = [at]() -> Value { throw Error(ErrorClass::KeyboardInterrupt, "", at); };
  return resume();
}

RunOutcome Interpreter::runTopLevel(std::shared_ptr<const Module> program,
                                    std::vector<Cursor> stack, Resumption resumption) {
  try {
    while (!stack.empty()) {
      try {
        if (resumption) {
          Resumption first = std::move(resumption);
          resumption = nullptr;
          first(stack);
          continue;
        }
        Cursor& c = stack.back();
        if (c.next == c.block->size()) {
          endOfBlock(stack);
          continue;
        }
        const Stmt& s = *(*c.block)[c.next++];
        std::shared_ptr<Frame> frame = c.frame;
        Cursor inner;
        inner.owner = &s;
        inner.frame = frame;
        inner.calls = c.calls;
        switch (s.kind) {
          case StmtKind::If:
            step(s.pos);
            inner.block = truthy(eval(*s.test, *frame), s.test->pos) ? &s.body : &s.orelse;
            stack.push_back(std::move(inner));
            continue;
          case StmtKind::While:
          case StmtKind::For:
            // Entered at its body's end: endOfBlock tests the condition or takes the first item.
            step(s.pos);
            if (s.kind == StmtKind::For)
              inner.items = iterate(eval(*s.value, *frame), s.value->pos);
            inner.block = &s.body;
            inner.next = s.body.size();
            inner.loop = true;
            stack.push_back(std::move(inner));
            continue;
          case StmtKind::With:
            step(s.pos);
            for (const WithItem& item : s.items) {
              Value ctx = eval(*item.context, *frame);
              if (item.target) assign(*item.target, ctx, *frame);
            }
            inner.block = &s.body;
            stack.push_back(std::move(inner));
            continue;
          case StmtKind::Try:
            step(s.pos);
            inner.block = &s.body;
            inner.try_part = TryPart::Body;
            stack.push_back(std::move(inner));
            continue;
          default:
            break;
        }
        Flow flow = Flow::Normal;
        if (const Expr* call = statementCall(s)) {
          step(s.pos);
          if (enterFunction(s, *call, stack)) continue;
          waitable_call_ = call;
          try {
            Value v = eval(*call, *frame);
            waitable_call_ = nullptr;
            for (const ExprPtr& t : s.targets)
              assign(*t, v, *frame);
          } catch (ScriptSuspend& w) {
            waitable_call_ = nullptr;
            suspended_ = Suspension{std::move(program), std::move(stack), &s, std::move(w.wait)};
            return RunOutcome::Suspended;
          } catch (...) {
            waitable_call_ = nullptr;
            throw;
          }
        } else {
          flow = exec(s, *frame);  // exec rejects a return outside a function
        }
        if (flow != Flow::Normal) leaveBlocks(stack, flow);
      } catch (const Error& e) {
        raiseInBlocks(stack, e);
      }
    }
  } catch (const ScriptExit&) {
    return RunOutcome::Waiting;
  } catch (const ScriptSuspend& w) {
    // Only a call marked may_wait suspends, and the loop above catches those.
    throw Error(ErrorClass::InternalError,
                fmt::format("{}() could not suspend the program here", w.wait.call), w.wait.pos);
  }
  return RunOutcome::Finished;
}

// break, continue or return: out of the blocks they leave, to the innermost loop (Python rejects
// break/continue outside one at compile time) or function, by way of the finally blocks between.
void Interpreter::leaveBlocks(std::vector<Cursor>& stack, Flow flow) {
  while (!stack.empty()) {
    Cursor& c = stack.back();
    if (c.try_part != TryPart::None && c.try_part != TryPart::Finally &&
        !c.owner->finalbody.empty()) {
      c.try_part = TryPart::Finally;
      c.block = &c.owner->finalbody;
      c.next = 0;
      c.pending_flow = flow;
      return;
    }
    if (c.function) {
      if (flow == Flow::Return) returnFromFunction(stack, c.frame->return_value);
      return;
    }
    if (c.loop && flow != Flow::Return) {
      if (flow == Flow::Break) {
        stack.pop_back();  // a loop left by break skips its else block
      } else {
        c.next = c.block->size();
      }
      return;
    }
    stack.pop_back();
  }
}

// An error raised in the program's blocks; thrown on when no try block takes it.
void Interpreter::raiseInBlocks(std::vector<Cursor>& stack, Error error) {
  for (;;) {
    bool caught = false;
    try {
      caught = catchInBlocks(stack, error);
    } catch (const Error& raised) {  // by an except clause's classes (a NameError, say)
      error = raised;
      continue;
    }
    if (!caught) throw error;
    return;
  }
}

// Unwinds to the block where the program goes on with `error`: an except clause that takes it, or a
// finally block that raises it again as it ends. False when no block of the stack does.
bool Interpreter::catchInBlocks(std::vector<Cursor>& stack, const Error& error) {
  while (!stack.empty()) {
    Cursor& c = stack.back();
    if (c.try_part == TryPart::Body) {
      // From here on an error (of an except clause's classes too) is past this try's handlers.
      c.try_part = TryPart::Handler;
      for (const ExceptHandler& h : c.owner->handlers) {
        if (!handles(h, error, *c.frame)) continue;
        c.block = &h.body;
        c.next = 0;
        return true;
      }
    }
    if ((c.try_part == TryPart::Handler || c.try_part == TryPart::Else) &&
        !c.owner->finalbody.empty()) {
      c.try_part = TryPart::Finally;
      c.block = &c.owner->finalbody;
      c.next = 0;
      c.pending_error = error;
      return true;
    }
    stack.pop_back();  // a finally block's own error replaces the one it would raise again
  }
  return false;
}

// A statement that calls a `def` function by name runs the function's body as blocks of this stack.
bool Interpreter::enterFunction(const Stmt& s, const Expr& call, std::vector<Cursor>& stack) {
  const Expr& func = *call.kids[0];
  if (func.kind != ExprKind::Name) return false;
  Cursor& caller = stack.back();
  std::shared_ptr<Frame> frame = caller.frame;
  Value callee = evalName(func, *frame);
  if (callee.type() != ValueType::Function) return false;
  const FunctionObject& fn = *callee.as<FunctionObject>();
  if (fn.def->lambda_body) return false;
  CallArgs args;
  collectArgs(call, *frame, args);
  step(call.pos);
  if (caller.calls + call_depth_ >= kMaxCallDepth) {
    throw Error(ErrorClass::RuntimeError, "maximum recursion depth exceeded", call.pos);
  }
  Cursor body;
  body.owner = &s;
  body.block = &fn.def->body;
  body.function = true;
  body.frame = std::make_shared<Frame>(bindArguments(fn, args));
  body.calls = caller.calls + 1;
  stack.push_back(std::move(body));
  return true;
}

// The function whose body is on top of the stack returns `result` to the statement that called it.
void Interpreter::returnFromFunction(std::vector<Cursor>& stack, Value result) {
  const Stmt& call = *stack.back().owner;
  stack.pop_back();
  for (const ExprPtr& t : call.targets)
    assign(*t, result, *stack.back().frame);
}

void Interpreter::endOfBlock(std::vector<Cursor>& stack) {
  Cursor& c = stack.back();
  if (c.function) {
    returnFromFunction(stack, Value());
    return;
  }
  if (c.try_part != TryPart::None) {
    endOfTryBlock(stack);
    return;
  }
  if (!c.loop) {
    stack.pop_back();
    return;
  }
  const Stmt& s = *c.owner;
  Frame& f = *c.frame;
  bool again =
      s.kind == StmtKind::While ? truthy(eval(*s.test, f), s.test->pos) : c.item < c.items.size();
  if (again) {
    step(s.pos);
    if (s.kind == StmtKind::For) assign(*s.targets[0], c.items[c.item++], f);
    c.next = 0;
    return;
  }
  // The loop ran out: its else block, in which break and continue belong to an outer loop.
  c.loop = false;
  c.items.clear();
  c.block = &s.orelse;
  c.next = 0;
}

// A try statement's block ran to its end: the body goes on to else, else and an except clause to
// finally, and finally to what led into it (an error raised again, a break, continue or return).
void Interpreter::endOfTryBlock(std::vector<Cursor>& stack) {
  Cursor& c = stack.back();
  const Stmt& s = *c.owner;
  if (c.try_part == TryPart::Body && !s.orelse.empty()) {
    c.try_part = TryPart::Else;
    c.block = &s.orelse;
    c.next = 0;
    return;
  }
  if (c.try_part != TryPart::Finally && !s.finalbody.empty()) {
    c.try_part = TryPart::Finally;
    c.block = &s.finalbody;
    c.next = 0;
    return;
  }
  std::optional<Error> error = std::move(c.pending_error);
  Flow flow = c.pending_flow;
  stack.pop_back();
  if (error) throw *error;
  if (flow != Flow::Normal) leaveBlocks(stack, flow);
}

}  // namespace runnel::pyspark
