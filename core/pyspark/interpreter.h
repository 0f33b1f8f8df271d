// Interpreter: runs a parsed program, a tree walker with Python's scoping for module code and `def`
// functions. The PySpark API is reached through host objects the bindings install as modules.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pyspark/ast.h"
#include "pyspark/value.h"

namespace runnel::pyspark {

struct Scope {
  std::unordered_map<std::string, Value> vars;
  std::shared_ptr<Scope> parent;          // the defining function's scope; null at module level
  std::vector<std::string> global_names;  // `global x` inside a function
};

struct InterpreterOptions {
  std::function<void(const std::string& text)> output;  // print()
  uint64_t max_steps = 0;                               // 0 = unlimited
};

// Thrown by endScript() (awaitTermination without a timeout inside an expression, where the
// program cannot suspend) and caught by run(); never a Python error.
struct ScriptExit {};

// Where a program waits (time.sleep, awaitTermination(timeout)). The host never blocks: it keeps
// running the queries and taking lines, and resumes the program once ready() says the wait is over.
struct ScriptWait {
  std::string call;  // "time.sleep": what the program waits in, for the host's status
  SourcePosition pos;
  std::function<bool()> ready;
  std::optional<int64_t> wake_ms;  // when ready() turns true by the clock alone (none: by events)
  std::function<Value()> finish;   // the call's result once resumed; may throw the call's Error
};

// Thrown by Interpreter::wait() up to the program's top level; never a Python error.
struct ScriptSuspend {
  ScriptWait wait;
};

// Finished: the program ran to its end. Waiting: endScript() ended it with queries running.
// Suspended: it waits (suspendedAt()) and goes on with resume().
enum class RunOutcome { Finished, Waiting, Suspended };

class Interpreter {
 public:
  explicit Interpreter(InterpreterOptions options);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Parses and runs a program in the module scope (globals persist across runs). Throws Error.
  // A program suspended before is dropped.
  RunOutcome run(std::string_view source);
  // Goes on with the suspended program from its wait (whose ready() is true). Throws Error.
  RunOutcome resume();
  // Raises KeyboardInterrupt at the suspended program's wait instead, as Ctrl-C does in PySpark's
  // driver: the program's except and finally blocks around the wait run. Throws Error.
  RunOutcome interrupt();
  const ScriptWait* suspendedAt() const { return suspended_ ? &suspended_->wait : nullptr; }
  void abandon() { suspended_.reset(); }

  // Registers an importable module ("pyspark.sql.functions"); parent packages are created as
  // needed.
  void addModule(const std::string& dotted_name, std::vector<std::pair<std::string, Value>> attrs);
  void setGlobal(const std::string& name, Value value);
  std::optional<Value> global(const std::string& name) const;

  // Calls any callable (user function, builtin, bound host method); errors get `args.pos`.
  Value call(const Value& callee, CallArgs& args);
  // Python semantics the bindings share.
  bool truthy(const Value& v, SourcePosition pos);
  std::vector<Value> iterate(const Value& v, SourcePosition pos);
  Value getAttr(const Value& obj, const std::string& name, SourcePosition pos);
  Value binaryOp(const std::string& op, const Value& a, const Value& b, SourcePosition pos);

  void print(const std::string& text);
  [[noreturn]] void endScript();
  // Suspends the program at the call being made; only for a call whose args.may_wait is set.
  [[noreturn]] void wait(ScriptWait w);
  // Counts one step against the budget (statements, loop iterations, calls).
  void step(SourcePosition pos);
  void resetBudget() { steps_ = 0; }

 private:
  enum class Flow { Normal, Break, Continue, Return };
  struct Frame {
    std::shared_ptr<Scope> scope;
    Value return_value;
  };

  // The program's top level runs from an explicit stack of blocks (module body, and the bodies of
  // its if/for/while/with/try statements) so that it can stop at a wait and go on later.
  // A function called by a statement of its own (`main()`, `rows = look(5)`) runs its body here
  // too, so a wait in it suspends the program as well.
  enum class TryPart { None, Body, Handler, Else, Finally };
  struct Cursor {
    const Stmt* owner = nullptr;  // the compound statement whose block this is (null: the module),
                                  // or for a function's body the statement that called it
    const Block* block = nullptr;
    size_t next = 0;           // the block's next statement
    bool loop = false;         // a for/while body: at its end, the loop goes round
    bool function = false;     // a function's body: at its end, the call returns None
    std::vector<Value> items;  // for: what it iterates, and the next one
    size_t item = 0;
    std::shared_ptr<Frame> frame;      // where its statements run: the module's or a call's
    int calls = 0;                     // functions entered below and at this block
    TryPart try_part = TryPart::None;  // a try statement's block: which one
    // A finally block's way on once it ends: the error it raises again, or the break, continue
    // or return that led into it.
    std::optional<Error> pending_error;
    Flow pending_flow = Flow::Normal;
  };
  struct Suspension {
    std::shared_ptr<const Module> program;
    std::vector<Cursor> stack;
    const Stmt* at = nullptr;  // the statement whose call waits
    ScriptWait wait;
  };
  using Resumption = std::function<void(std::vector<Cursor>&)>;
  RunOutcome runTopLevel(std::shared_ptr<const Module> program, std::vector<Cursor> stack,
                         Resumption resumption = {});
  void endOfBlock(std::vector<Cursor>& stack);
  void endOfTryBlock(std::vector<Cursor>& stack);
  void leaveBlocks(std::vector<Cursor>& stack, Flow flow);
  void raiseInBlocks(std::vector<Cursor>& stack, Error error);
  bool catchInBlocks(std::vector<Cursor>& stack, const Error& error);
  bool handles(const ExceptHandler& handler, const Error& error, Frame& f);
  bool enterFunction(const Stmt& s, const Expr& call, std::vector<Cursor>& stack);
  void returnFromFunction(std::vector<Cursor>& stack, Value result);

  Flow execBlock(const Block& block, Frame& f);
  Flow exec(const Stmt& s, Frame& f);
  Flow execTry(const Stmt& s, Frame& f);
  void execImport(const Stmt& s, Frame& f);
  void execImportFrom(const Stmt& s, Frame& f);
  void defineFunction(const std::shared_ptr<const FunctionDef>& def, Frame& f,
                      const std::string& name);
  Value makeFunction(const std::shared_ptr<const FunctionDef>& def, Frame& f);
  void defineClass(const Stmt& s, Frame& f);
  void assign(const Expr& target, const Value& value, Frame& f);
  void store(const std::string& name, Value value, Frame& f);
  void deleteTarget(const Expr& target, Frame& f);

  Value eval(const Expr& e, Frame& f);
  Value evalName(const Expr& e, Frame& f);
  Value evalCall(const Expr& e, Frame& f);
  Value evalSubscript(const Expr& e, Frame& f);
  Value evalCompare(const Expr& e, Frame& f);
  Value evalFString(const Expr& e, Frame& f);
  Value evalComprehension(const Expr& e, Frame& f);
  void comprehensionLoop(const Expr& e, size_t level, Frame& f, const std::function<void()>& emit);
  void collectArgs(const Expr& call, Frame& f, CallArgs& out);

  Value callFunction(const FunctionObject& fn, CallArgs& args);
  // A call's new frame: the function's parameters bound to `args` (CPython's TypeErrors).
  Frame bindArguments(const FunctionObject& fn, CallArgs& args);
  static constexpr int kMaxCallDepth = 200;  // below CPython's 1000: each frame is several C++ ones
  Value importModule(const std::string& dotted, SourcePosition pos);
  const Value* findModule(const std::string& dotted) const;

  InterpreterOptions options_;
  std::shared_ptr<Scope> globals_;
  std::unordered_map<std::string, Value> builtins_;
  std::unordered_map<std::string, Value> modules_;
  std::vector<std::weak_ptr<Scope>>
      closures_;  // scopes captured by nested functions, cleared on exit
  std::vector<std::shared_ptr<const Module>>
      programs_;  // parsed code stays alive for its functions
  std::optional<Suspension> suspended_;
  const Expr* waitable_call_ = nullptr;  // the top-level statement's call being evaluated
  uint64_t steps_ = 0;
  int call_depth_ = 0;
  int eval_depth_ = 0;

  friend void installBuiltins(Interpreter& in, std::unordered_map<std::string, Value>& builtins);
};

void installBuiltins(Interpreter& in, std::unordered_map<std::string, Value>& builtins);

}  // namespace runnel::pyspark
