// Expected outputs were rendered with Python jinja2 3.1.6 (ImmutableSandboxedEnvironment, trim_blocks,
// lstrip_blocks, loopcontrols, and Hugging Face's tojson), the configuration transformers uses.

/// Templates modelled on common chat templates, and feature probes.
enum JinjaReferenceCases {
    static let templates: [String: String] = [
        "llama3": [
            "{{- bos_token }}\n{%- if messages[0]['role'] == 'system' %}\n    {%- set",
            " system_message = messages[0]['content']|trim %}\n    {%- set messages ",
            "= messages[1:] %}\n{%- else %}\n    {%- set system_message = \"\" %}\n{%- e",
            "ndif %}\n{{- \"<|start_header_id|>system<|end_header_id|>\\n\\n\" }}\n{{- sy",
            "stem_message }}\n{{- \"<|eot_id|>\" }}\n{%- for message in messages %}\n   ",
            " {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'",
            "+ message['content'] | trim + '<|eot_id|>' }}\n{%- endfor %}\n{%- if add",
            "_generation_prompt %}\n    {{- '<|start_header_id|>assistant<|end_heade",
            "r_id|>\\n\\n' }}\n{%- endif %}\n",
        ].joined(),
        "mistral": [
            "{{ bos_token }}{% for message in messages %}{% if (message['role'] == ",
            "'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation r",
            "oles must alternate user/assistant/user/assistant/...') }}{% endif %}{",
            "% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + '",
            " [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['conte",
            "nt'] + eos_token}}{% else %}{{ raise_exception('Only user and assistan",
            "t roles are supported!') }}{% endif %}{% endfor %}",
        ].joined(),
        "gemma": [
            "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_except",
            "ion('System role not supported') }}{% endif %}{% for message in messag",
            "es %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ ",
            "raise_exception('Conversation roles must alternate user/assistant/user",
            "/assistant/...') }}{% endif %}{% if (message['role'] == 'assistant') %",
            "}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% ",
            "endif %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim",
            " + '<end_of_turn>\\n' }}{% endfor %}{% if add_generation_prompt %}{{'<s",
            "tart_of_turn>model\\n'}}{% endif %}",
        ].joined(),
        "qwen_tools": [
            "{%- if tools %}\n    {{- '<|im_start|>system\\n' }}\n    {%- if messages[",
            "0]['role'] == 'system' %}\n        {{- messages[0]['content'] }}\n    {%",
            "- else %}\n        {{- 'You are Qwen, created by Alibaba Cloud. You are",
            " a helpful assistant.' }}\n    {%- endif %}\n    {{- \"\\n\\n# Tools\\n\\n<to",
            "ols>\" }}\n    {%- for tool in tools %}\n        {{- \"\\n\" }}\n        {{- ",
            "tool | tojson }}\n    {%- endfor %}\n    {{- \"\\n</tools><|im_end|>\\n\" }}",
            "\n{%- else %}\n    {%- if messages[0]['role'] == 'system' %}\n        {{-",
            " '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}\n ",
            "   {%- else %}\n        {{- '<|im_start|>system\\nYou are Qwen.<|im_end|",
            ">\\n' }}\n    {%- endif %}\n{%- endif %}\n{%- set ns = namespace(count=0) ",
            "%}\n{%- for message in messages %}\n    {%- if message.role == \"user\" or",
            " (message.role == \"system\" and not loop.first) %}\n        {%- set ns.c",
            "ount = ns.count + 1 %}\n        {{- '<|im_start|>' + message.role + '\\n",
            "' + message.content + '<|im_end|>' + '\\n' }}\n    {%- elif message.role",
            " == \"assistant\" %}\n        {{- '<|im_start|>' + message.role + '\\n' + ",
            "message.content + '<|im_end|>\\n' }}\n    {%- endif %}\n{%- endfor %}\n{%-",
            " if add_generation_prompt %}\n    {{- '<|im_start|>assistant\\n' }}\n{%- ",
            "endif %}\n{{- ns.count }} {{ tools | tojson(indent=2) if tools else 'no",
            " tools' }}\n",
        ].joined(),
        "llama32_like": [
            "{{- bos_token }}\n{%- if custom_tools is defined %}\n    {%- set tools =",
            " custom_tools %}\n{%- endif %}\n{%- if not date_string is defined %}\n   ",
            " {%- if strftime_now is defined %}\n        {%- set date_string = \"fixe",
            "d\" %}\n    {%- endif %}\n{%- endif %}\n{%- if not tools is defined %}\n   ",
            " {%- set tools = none %}\n{%- endif %}\n{#- Pull out the system message.",
            " #}\n{%- if messages[0]['role'] == 'system' %}\n    {%- set system_messa",
            "ge = messages[0]['content']|trim %}\n    {%- set messages = messages[1:",
            "] %}\n{%- else %}\n    {%- set system_message = \"\" %}\n{%- endif %}\n{{- \"",
            "<|start_header_id|>system<|end_header_id|>\\n\\n\" }}\n{%- if tools is not",
            " none %}\n    {{- \"Environment: ipython\\n\" }}\n    {%- for t in tools %}",
            "\n        {{- t | tojson(indent=4) }}\n        {{- \"\\n\\n\" }}\n    {%- end",
            "for %}\n{%- endif %}\n{{- \"Today Date: \" + date_string + \"\\n\\n\" }}\n{{- s",
            "ystem_message }}\n{{- \"<|eot_id|>\" }}\n{%- for message in messages %}\n  ",
            "  {%- if not (message.role == 'ipython' or message.role == 'tool' or '",
            "tool_calls' in message) %}\n        {{- '<|start_header_id|>' + message",
            "['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot",
            "_id|>' }}\n    {%- elif message.content is mapping or message.content i",
            "s iterable %}\n        {{- message.content | tojson }}\n    {%- endif %}",
            "\n{%- endfor %}\n{%- if add_generation_prompt %}\n    {{- '<|start_header",
            "_id|>assistant<|end_header_id|>\\n\\n' -}}\n{%- endif %}\n",
        ].joined(),
        "whitespace": [
            "Header\n{% for m in messages %}\n  {% if m.role == 'user' %}\n    U: {{ m",
            ".content }}\n  {% else %}\n    A: {{ m.content }}\n  {% endif %}\n{% endfo",
            "r %}\n  {# comment #}\nFooter {{ messages | length }}\n{%+ if true %}kept",
            "{% endif +%}\ntail {{- '  x  ' -}}   end\n   {%- if true -%}   in   {%- ",
            "endif %}\n\n",
        ].joined(),
        "expressions": [
            "{{ [1, 2, 3] | join(', ') }}|{{ 'a' ~ 1 ~ none }}|{{ 7 // 2 }}|{{ -7 /",
            "/ 2 }}|{{ 7 % 3 }}|{{ -7 % 3 }}|{{ 7 / 2 }}|{{ 2 ** 10 }}|{{ 'abc'[1:]",
            " }}|{{ 'abc'[::-1] }}|{{ [1,2,3][-1] }}|{{ 'x' if false else 'y' }}|{{",
            " 'Hello  World'.split() }}|{{ ' a '.strip() }}|{{ 'abc'.upper() }}|{{ ",
            "'abc'.startswith('ab') }}|{{ {'a': 1, 'b': [true, none, 'é\"']} | tojso",
            "n }}|{{ {'a': 1}.get('b', 'dflt') }}|{{ undefined_var | default('dv') ",
            "}}|{{ 3 in [1, 2, 3] }}|{{ 'b' not in 'abc' }}|{{ 1.5 + 1 }}|{{ 10 / 5",
            " }}|{{ [3,1,2] | sort | list }}|{{ 'a,b'.split(',') }}|{{ messages | m",
            "ap(attribute='role') | join('/') }}|{{ messages | selectattr('role', '",
            "equalto', 'user') | list | length }}|{{ range(3) | list }}|{{ 'it''s' ",
            "}}|{{ \"q\\\"x\" }}|{{ not true or 1 and 'z' }}|{{ {'k': 'v'} }}|{{ ('a', ",
            "'b') | list }}|{{ 'x' is string }}|{{ none is none }}|{{ 4 is divisibl",
            "eby 2 }}|{{ messages[0] is mapping }}|{{ 'Ab cD'.title() }}|{{ '  pad'",
            " | trim }}|{{ 3 > 2 and 2 >= 2 and 'a' < 'b' }}|{{ -(2 + 3) * 2 }}|{{ ",
            "'ab' * 2 }}|{{ [1] + [2] }}|{{ 'abc'.replace('b', 'B') }}|{{ (messages",
            " | last).attr_missing is undefined }}|{{ 1 == 1.0 }}|{{ 'abc' | length",
            " }}|{{ 'x' | upper }}|{{ [1, 2] | first }}|{{ 0.1 + 0.2 }}|{{ 1e3 }}|{",
            "{ 10 // 3 * 3 }}",
        ].joined(),
        "loops": [
            "{% for x in [10, 20, 30] if x > 10 %}{{ loop.index }}:{{ x }}{{ ',' if",
            " not loop.last }}{% else %}none{% endfor %}|{% for k, v in {'a': 1, 'b",
            "': 2}.items() %}{{ k }}={{ v }};{% endfor %}|{% for x in [] %}x{% else",
            " %}empty{% endfor %}|{% for x in range(10) %}{% if x == 3 %}{% break %",
            "}{% endif %}{% if x == 1 %}{% continue %}{% endif %}{{ x }}{% endfor %",
            "}|{% set y = 1 %}{% for x in [1] %}{% set y = 2 %}{% endfor %}{{ y }}|",
            "{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro ",
            "%}{{ greet('Bob') }}{{ greet('Al', punct='?') }}|{% set block %}inner ",
            "{{ 1 + 1 }}{% endset %}{{ block | upper }}|{{ loop is defined }}|{{ me",
            "ssages[0].content | length }}|{% for m in messages %}{{ loop.revindex0",
            " }}{{ loop.cycle('a', 'b') }}{{ loop.first }}{% endfor %}|{% set a, b ",
            "= 1, 2 %}{{ a + b }}|{% for c in 'hé' %}[{{ c }}]{% endfor %}{% filter",
            " upper %}shout{% endfilter %}",
        ].joined(),
    ]

    static let cases: [JinjaReferenceCase] = [
        JinjaReferenceCase(
            template: "llama3", conversation: "A", addGenerationPrompt: true, tools: false,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\nYou are terse.<|eot_id|",
                "><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|><|start_h",
                "eader_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|><|start_header_i",
                "d|>user<|end_header_id|>\n\nSay 'ok'\nplease<|eot_id|><|start_header_id|>",
                "assistant<|end_header_id|>\n\n",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "llama3", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\nYou are terse.<|eot_id|",
                "><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|><|start_h",
                "eader_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|><|start_header_i",
                "d|>user<|end_header_id|>\n\nSay 'ok'\nplease<|eot_id|>",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "llama3", conversation: "B", addGenerationPrompt: true, tools: false,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\n<|eot_id|><|start_heade",
                "r_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<",
                "|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>user<|end_header_i",
                "d|>\n\nBye<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "llama3", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\n<|eot_id|><|start_heade",
                "r_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<",
                "|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>user<|end_header_i",
                "d|>\n\nBye<|eot_id|>",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "mistral", conversation: "A", addGenerationPrompt: true, tools: false,
            expected: nil,
            error: "Conversation roles must alternate user/assistant/user/assistant/..."
        ),
        JinjaReferenceCase(
            template: "mistral", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: nil,
            error: "Conversation roles must alternate user/assistant/user/assistant/..."
        ),
        JinjaReferenceCase(
            template: "mistral", conversation: "B", addGenerationPrompt: true, tools: false,
            expected: "<s>[INST] Hi [/INST]Hello</s>[INST] Bye [/INST]",
            error: nil
        ),
        JinjaReferenceCase(
            template: "mistral", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: "<s>[INST] Hi [/INST]Hello</s>[INST] Bye [/INST]",
            error: nil
        ),
        JinjaReferenceCase(
            template: "gemma", conversation: "A", addGenerationPrompt: true, tools: false,
            expected: nil,
            error: "System role not supported"
        ),
        JinjaReferenceCase(
            template: "gemma", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: nil,
            error: "System role not supported"
        ),
        JinjaReferenceCase(
            template: "gemma", conversation: "B", addGenerationPrompt: true, tools: false,
            expected: [
                "<s><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\nHello<end_",
                "of_turn>\n<start_of_turn>user\nBye<end_of_turn>\n<start_of_turn>model\n",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "gemma", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: [
                "<s><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\nHello<end_",
                "of_turn>\n<start_of_turn>user\nBye<end_of_turn>\n",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "qwen_tools", conversation: "A", addGenerationPrompt: true, tools: true,
            expected: [
                "<|im_start|>system\nYou are terse.\n\n# Tools\n\n<tools>\n{\"type\": \"function",
                "\", \"function\": {\"name\": \"get_weather\", \"description\": \"Weather for a c",
                "ity\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\":",
                " \"string\"}}, \"required\": [\"city\"]}}}\n</tools><|im_end|>\n<|im_start|>us",
                "er\nHi there <|im_end|>\n<|im_start|>assistant\n Hello! <|im_end|>\n<|im_s",
                "tart|>user\nSay 'ok'\nplease<|im_end|>\n<|im_start|>assistant\n2 [\n  {\n   ",
                " \"type\": \"function\",\n    \"function\": {\n      \"name\": \"get_weather\",\n  ",
                "    \"description\": \"Weather for a city\",\n      \"parameters\": {\n       ",
                " \"type\": \"object\",\n        \"properties\": {\n          \"city\": {\n       ",
                "     \"type\": \"string\"\n          }\n        },\n        \"required\": [\n   ",
                "       \"city\"\n        ]\n      }\n    }\n  }\n]",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "qwen_tools", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: [
                "<|im_start|>system\nYou are terse.<|im_end|>\n<|im_start|>user\nHi there ",
                "<|im_end|>\n<|im_start|>assistant\n Hello! <|im_end|>\n<|im_start|>user\nS",
                "ay 'ok'\nplease<|im_end|>\n2 no tools",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "qwen_tools", conversation: "B", addGenerationPrompt: true, tools: true,
            expected: [
                "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a h",
                "elpful assistant.\n\n# Tools\n\n<tools>\n{\"type\": \"function\", \"function\": {",
                "\"name\": \"get_weather\", \"description\": \"Weather for a city\", \"parameter",
                "s\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"re",
                "quired\": [\"city\"]}}}\n</tools><|im_end|>\n<|im_start|>user\nHi<|im_end|>\n",
                "<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<",
                "|im_start|>assistant\n2 [\n  {\n    \"type\": \"function\",\n    \"function\": {",
                "\n      \"name\": \"get_weather\",\n      \"description\": \"Weather for a city",
                "\",\n      \"parameters\": {\n        \"type\": \"object\",\n        \"properties",
                "\": {\n          \"city\": {\n            \"type\": \"string\"\n          }\n    ",
                "    },\n        \"required\": [\n          \"city\"\n        ]\n      }\n    }\n",
                "  }\n]",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "qwen_tools", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: [
                "<|im_start|>system\nYou are Qwen.<|im_end|>\n<|im_start|>user\nHi<|im_end",
                "|>\n<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>user\nBye<|im_end|",
                ">\n2 no tools",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "llama32_like", conversation: "A", addGenerationPrompt: true, tools: true,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\n{\n",
                "    \"type\": \"function\",\n    \"function\": {\n        \"name\": \"get_weather",
                "\",\n        \"description\": \"Weather for a city\",\n        \"parameters\": ",
                "{\n            \"type\": \"object\",\n            \"properties\": {\n          ",
                "      \"city\": {\n                    \"type\": \"string\"\n                }",
                "\n            },\n            \"required\": [\n                \"city\"\n     ",
                "       ]\n        }\n    }\n}\n\nToday Date: fixed\n\nYou are terse.<|eot_id|",
                "><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|><|start_h",
                "eader_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|><|start_header_i",
                "d|>user<|end_header_id|>\n\nSay 'ok'\nplease<|eot_id|><|start_header_id|>",
                "assistant<|end_header_id|>\n\n",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "llama32_like", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\nToday Date: fixed\n\nYou ",
                "are terse.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi there",
                "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_i",
                "d|><|start_header_id|>user<|end_header_id|>\n\nSay 'ok'\nplease<|eot_id|>",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "llama32_like", conversation: "B", addGenerationPrompt: true, tools: true,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\n{\n",
                "    \"type\": \"function\",\n    \"function\": {\n        \"name\": \"get_weather",
                "\",\n        \"description\": \"Weather for a city\",\n        \"parameters\": ",
                "{\n            \"type\": \"object\",\n            \"properties\": {\n          ",
                "      \"city\": {\n                    \"type\": \"string\"\n                }",
                "\n            },\n            \"required\": [\n                \"city\"\n     ",
                "       ]\n        }\n    }\n}\n\nToday Date: fixed\n\n<|eot_id|><|start_heade",
                "r_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<",
                "|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>user<|end_header_i",
                "d|>\n\nBye<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "llama32_like", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: [
                "<s><|start_header_id|>system<|end_header_id|>\n\nToday Date: fixed\n\n<|eo",
                "t_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_he",
                "ader_id|>assistant<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|",
                ">user<|end_header_id|>\n\nBye<|eot_id|>",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "whitespace", conversation: "A", addGenerationPrompt: true, tools: false,
            expected: [
                "Header\n    A: You are terse.\n    U: Hi there \n    A:  Hello! \n    U: S",
                "ay 'ok'\nplease\nFooter 4\nkept\ntail  x  endin",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "whitespace", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: [
                "Header\n    A: You are terse.\n    U: Hi there \n    A:  Hello! \n    U: S",
                "ay 'ok'\nplease\nFooter 4\nkept\ntail  x  endin",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "whitespace", conversation: "B", addGenerationPrompt: true, tools: false,
            expected: "Header\n    U: Hi\n    A: Hello\n    U: Bye\nFooter 3\nkept\ntail  x  endin",
            error: nil
        ),
        JinjaReferenceCase(
            template: "whitespace", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: "Header\n    U: Hi\n    A: Hello\n    U: Bye\nFooter 3\nkept\ntail  x  endin",
            error: nil
        ),
        JinjaReferenceCase(
            template: "expressions", conversation: "A", addGenerationPrompt: true, tools: false,
            expected: [
                "1, 2, 3|a1None|3|-4|1|2|3.5|1024|bc|cba|3|y|['Hello', 'World']|a|ABC|T",
                "rue|{\"a\": 1, \"b\": [true, null, \"é\\\"\"]}|dflt|dv|True|False|2.5|2.0|[1, ",
                "2, 3]|['a', 'b']|system/user/assistant/user|2|[0, 1, 2]|its|q\"x|z|{'k'",
                ": 'v'}|['a', 'b']|True|True|True|True|Ab Cd|pad|True|-10|abab|[1, 2]|a",
                "Bc|True|True|3|X|1|0.30000000000000004|1000.0|9",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "expressions", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: [
                "1, 2, 3|a1None|3|-4|1|2|3.5|1024|bc|cba|3|y|['Hello', 'World']|a|ABC|T",
                "rue|{\"a\": 1, \"b\": [true, null, \"é\\\"\"]}|dflt|dv|True|False|2.5|2.0|[1, ",
                "2, 3]|['a', 'b']|system/user/assistant/user|2|[0, 1, 2]|its|q\"x|z|{'k'",
                ": 'v'}|['a', 'b']|True|True|True|True|Ab Cd|pad|True|-10|abab|[1, 2]|a",
                "Bc|True|True|3|X|1|0.30000000000000004|1000.0|9",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "expressions", conversation: "B", addGenerationPrompt: true, tools: false,
            expected: [
                "1, 2, 3|a1None|3|-4|1|2|3.5|1024|bc|cba|3|y|['Hello', 'World']|a|ABC|T",
                "rue|{\"a\": 1, \"b\": [true, null, \"é\\\"\"]}|dflt|dv|True|False|2.5|2.0|[1, ",
                "2, 3]|['a', 'b']|user/assistant/user|2|[0, 1, 2]|its|q\"x|z|{'k': 'v'}|",
                "['a', 'b']|True|True|True|True|Ab Cd|pad|True|-10|abab|[1, 2]|aBc|True",
                "|True|3|X|1|0.30000000000000004|1000.0|9",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "expressions", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: [
                "1, 2, 3|a1None|3|-4|1|2|3.5|1024|bc|cba|3|y|['Hello', 'World']|a|ABC|T",
                "rue|{\"a\": 1, \"b\": [true, null, \"é\\\"\"]}|dflt|dv|True|False|2.5|2.0|[1, ",
                "2, 3]|['a', 'b']|user/assistant/user|2|[0, 1, 2]|its|q\"x|z|{'k': 'v'}|",
                "['a', 'b']|True|True|True|True|Ab Cd|pad|True|-10|abab|[1, 2]|aBc|True",
                "|True|3|X|1|0.30000000000000004|1000.0|9",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "loops", conversation: "A", addGenerationPrompt: true, tools: false,
            expected: [
                "1:20,2:30|a=1;b=2;|empty|02|1|Hi Bob!Hi Al?|INNER 2|False|14|3aTrue2bF",
                "alse1aFalse0bFalse|3|[h][é]SHOUT",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "loops", conversation: "A", addGenerationPrompt: false, tools: false,
            expected: [
                "1:20,2:30|a=1;b=2;|empty|02|1|Hi Bob!Hi Al?|INNER 2|False|14|3aTrue2bF",
                "alse1aFalse0bFalse|3|[h][é]SHOUT",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "loops", conversation: "B", addGenerationPrompt: true, tools: false,
            expected: [
                "1:20,2:30|a=1;b=2;|empty|02|1|Hi Bob!Hi Al?|INNER 2|False|2|2aTrue1bFa",
                "lse0aFalse|3|[h][é]SHOUT",
            ].joined(),
            error: nil
        ),
        JinjaReferenceCase(
            template: "loops", conversation: "B", addGenerationPrompt: false, tools: false,
            expected: [
                "1:20,2:30|a=1;b=2;|empty|02|1|Hi Bob!Hi Al?|INNER 2|False|2|2aTrue1bFa",
                "lse0aFalse|3|[h][é]SHOUT",
            ].joined(),
            error: nil
        ),
    ]
}
