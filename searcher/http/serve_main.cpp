// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-serve: the searcher over HTTP. Parses options, opens the
// databases once to check them, then serves api.hpp's routes on a pool of
// worker threads (cpp-httplib), each with its own Api; logs one line a
// request; SIGTERM or SIGINT stops taking connections, lets the requests in
// flight finish and exits 0.
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include <pthread.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "searcher/http/api.hpp"
#include "shared/cli.hpp"
#include "shared/error.hpp"
#include "shared/store.hpp"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr std::string_view program = "dateline-serve";

constexpr const char* usage_text = R"(Usage: dateline-serve --db DB [--db DB2 | --db tcp:HOST:PORT ...] [OPTIONS]

Answers searches of Dateline databases over HTTP, with the answers of
dateline-search --json (docs/http-api.md):
  GET  /api/search?q=WORDS[&limit=N&offset=N&sort=ORDER&since=DATE&until=DATE
                   &any=true&recent=true&collapse=true&facets=exact|estimate|off&facet=NAME:N
                   &snippet_length=BYTES]
  GET  /api/timeline?q=WORDS[&unit=day|week|month|year&by=outlet&since=DATE&until=DATE]
                           attention over time (as --timeline UNIT --json)
  GET  /api/article/ID     one article whole (as show --json)
  POST /api/batch          JSON Lines in, JSON Lines out (as --batch)
  GET  /api/stats          what each database holds (as dateline-index stats --json)
  GET  /api/health         200 when the databases can be searched
  GET  /                   the search page, for a browser
Errors are JSON objects {"version", "error": {"kind", "message", "hint"}}
with status 400 (bad request), 404 (no such article or route) or 503 (the
database cannot be read). The databases are followed through rebuilds and
updates, as --batch follows them. One line a request on stderr. SIGTERM or
SIGINT: finish the requests in flight, then exit.

Exit status:
  0  stopped by SIGTERM or SIGINT
  2  bad options, or the address cannot be listened on
  3  a database cannot be opened

Options)";

struct Address {
    std::string host;
    int port = 0;
};

Address parse_listen(const std::string& text) {
    std::size_t colon = text.rfind(':');
    Address address;
    if (colon != std::string::npos && colon > 0) {
        address.host = text.substr(0, colon);
        try {
            address.port = std::stoi(text.substr(colon + 1));
        } catch (const std::exception&) {
            address.port = 0;
        }
    }
    if (address.host.empty() || address.port <= 0 || address.port > 65535)
        throw Error(ErrorKind::usage, fmt::format("--listen {}: not HOST:PORT", text), "e.g. --listen 127.0.0.1:8080");
    return address;
}

class RequestLog {
public:
    explicit RequestLog(bool json) : json_(json) {}

    void write(const httplib::Request& request, int status, double ms) {
        std::string line = json_ ? nlohmann::json{{"method", request.method}, {"path", request.path},
                                                  {"status", status}, {"ms", ms}}
                                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                                 : fmt::format("{} {} {} {:.1f} ms", request.method.empty() ? "-" : request.method,
                                               request.path.empty() ? "-" : request.path, status, ms);
        std::lock_guard lock(mutex_);
        std::cerr << line << '\n';
    }

private:
    bool json_;
    std::mutex mutex_;
};

int run(int argc, char** argv) {
    searcher::SearchRequest defaults;
    std::string listen = "127.0.0.1:8080", log_format = "text";
    double time_limit = 10;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    po::options_description options(usage_text);
    options.add_options()
        ("help,h", "show this help")
        ("version", "print the version, Xapian's, and where the page's files are read")
        ("db", po::value(&defaults.databases)->required()->value_name("DB"),
         "database to search; repeat to search several as one (tcp:HOST:PORT for xapian-tcpsrv)")
        ("listen", po::value(&listen)->value_name("HOST:PORT"), "where to listen (default 127.0.0.1:8080)")
        ("threads", po::value(&threads)->value_name("N"), "requests answered at once (default: one a core)")
        ("time-limit", po::value(&time_limit)->value_name("SECONDS"),
         "longest a search (or a whole batch) may count matches before it is stopped with a 400 (default 10; "
         "0: no limit)")
        ("allow-partial", po::bool_switch(&defaults.allow_partial),
         "when a tcp:HOST:PORT database cannot be reached, answer from the others and say which was left out "
         "(\"partial\": true, \"missing\": [...]) instead of failing")
        ("remote-timeout", po::value<double>()->value_name("SECONDS"),
         "how long a tcp:HOST:PORT database may take to connect or to answer before the request fails with an "
         "error naming it (default 10)")
        ("log-format", po::value(&log_format)->value_name("FORMAT"), "text (default) or json, one line a request");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, options), vm);
    if (printed_help_or_version(vm, options, program)) return exit_status::ok;
    po::notify(vm);
    if (log_format != "text" && log_format != "json")
        throw Error(ErrorKind::usage, fmt::format("--log-format {}: say text or json", log_format));
    if (threads == 0) throw Error(ErrorKind::usage, "--threads must be 1 or more");
    if (!(time_limit >= 0)) throw Error(ErrorKind::usage, "--time-limit must be 0 or more seconds");
    if (vm.count("remote-timeout")) store::set_remote_timeout(vm["remote-timeout"].as<double>());
    Address address = parse_listen(listen);
    { searcher::http::Api check(defaults, time_limit); }  // a database that cannot be opened stops here, exit 3

    // SIGTERM and SIGINT go to one thread, which stops the server; every
    // thread made after this inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    httplib::Server server;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // A body larger than this (a batch of some 10,000 queries) is refused
    // with 413; a client that stops sending is dropped after the timeout.
    server.set_payload_max_length(searcher::http::max_body_bytes);
    server.set_read_timeout(30, 0);
    server.set_write_timeout(30, 0);
    // An answer goes out as headers, then body: with Nagle's algorithm the
    // body waited for the client's delayed ACK of the headers, 40 ms a
    // request (scripts/bench-serve.sh, one client: p50 43.9 ms against
    // 1.4 ms in process).
    server.set_tcp_nodelay(true);
    RequestLog log(log_format == "json");
    auto answer_with = [](httplib::Response& response, const searcher::http::ApiResponse& answer) {
        response.status = answer.status;
        response.set_content(answer.body, answer.content_type);
        // The page runs only its own script and style; nothing frames it.
        response.set_header("Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                            "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "no-referrer");
    };
    auto handler = [&](const httplib::Request& request, httplib::Response& response) {
        auto start = std::chrono::steady_clock::now();
        // Each worker thread its own databases, opened on its first request.
        thread_local std::unique_ptr<searcher::http::Api> api;
        searcher::http::ApiResponse answer;
        try {
            if (!api) api = std::make_unique<searcher::http::Api>(defaults, time_limit);
            answer = api->handle({request.method, request.path,
                                  std::multimap<std::string, std::string>(request.params.begin(), request.params.end()),
                                  request.body});
        } catch (const Error& error) {
            answer = searcher::http::error_response(error);
        }
        answer_with(response, answer);
        log.write(request, answer.status,
                  std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    };
    // What cpp-httplib refuses itself (a body over the limit, an address too
    // long, a request it cannot parse) comes with an empty body: a JSON
    // error in its place. Answers of the handler above have a body already.
    server.set_error_handler(httplib::Server::HandlerWithResponse([&](const httplib::Request& request,
                                                                      httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        answer_with(response, searcher::http::transport_error(response.status));
        log.write(request, response.status, 0);
        return httplib::Server::HandlerResponse::Handled;
    }));
    // Every path and method to the one handler: the routes are api.cpp's.
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Delete(".*", handler);
    server.Patch(".*", handler);

    if (!server.bind_to_port(address.host.c_str(), address.port))
        throw Error(ErrorKind::usage, fmt::format("cannot listen on {}", listen),
                    "another program may be using the port; choose another with --listen");
    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stop();
    });
    std::cerr << fmt::format("{}: listening on http://{}:{}/ ({} threads)\n", program, address.host, address.port,
                             threads);
    // Returns once stop() has been called and the requests in flight are
    // answered; if it returns for another reason, the stopper is woken.
    server.listen_after_bind();
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    std::cerr << fmt::format("{}: stopped\n", program);
    return exit_status::ok;
}

}  // namespace

int main(int argc, char** argv) {
    return run_guarded(program, "see dateline-serve --help", [&] { return run(argc, argv); });
}
