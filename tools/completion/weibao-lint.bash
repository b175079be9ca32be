# bash completion for weibao-lint (installed to share/bash-completion/completions).
_weibao_lint()
{
    local cur prev words cword
    _init_completion || return
    local commands="check score redact rubric rule ledger calendar due --help --version"
    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        return
    fi
    case $prev in
        --format)
            case ${words[1]} in
                check) COMPREPLY=($(compgen -W "text json sarif" -- "$cur")) ;;
                score) COMPREPLY=($(compgen -W "text json html csv" -- "$cur")) ;;
                rule|ledger) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
            esac
            return ;;
        --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning note" -- "$cur")); return ;;
        --show) COMPREPLY=($(compgen -W "all violation pending insufficient-data complies not-applicable" -- "$cur")); return ;;
        --kind) COMPREPLY=($(compgen -W "$(weibao-lint ledger 2>/dev/null | cut -d' ' -f1)" -- "$cur")); return ;;
        --select|--ignore)
            COMPREPLY=($(compgen -W "$(weibao-lint rule 2>/dev/null | cut -d' ' -f1)" -- "$cur")); return ;;
        --as-of|--since|--project) return ;;
        -o|--rules|--rule-table|--calendar|--overlay|--rubric) _filedir; return ;;
    esac
    case ${words[1]} in
        rule)
            if [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "$(weibao-lint rule 2>/dev/null | cut -d' ' -f1)" -- "$cur"))
                return
            fi ;;
        ledger)
            if [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "$(weibao-lint ledger 2>/dev/null | cut -d' ' -f1)" -- "$cur"))
                return
            fi ;;
    esac
    if [[ $cur == -* ]]; then
        local opts
        case ${words[1]} in
            check) opts="--format --lang --fail-on --select --ignore --quiet --statistics --as-of --since --rules --rule-table --rubric --kind --show --explain --summary --calendar --overlay --project --read-outside-dossier --help" ;;
            redact) opts="-o --as-of --rules --rule-table --quiet --help" ;;
            score) opts="--format --lang -o --rubric --rule-table --calendar --overlay --project --compare --responsibilities --read-outside-dossier --help" ;;
            rule) opts="--rules --rule-table --format --lang --help" ;;
            ledger) opts="--format --lang --template --bom -o --help" ;;
            *) opts="--help" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    _filedir
}
complete -F _weibao_lint weibao-lint
